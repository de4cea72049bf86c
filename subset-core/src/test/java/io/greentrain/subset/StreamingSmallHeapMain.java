package io.greentrain.subset;

/**
 * Run in a JVM with a small heap by {@link StreamingSmallHeapTest}: reduces a generated data set far larger than
 * the heap with each two-pass method and prints one line per method, then "DONE".
 */
public final class StreamingSmallHeapMain {

    private StreamingSmallHeapMain() {
    }

    public static void main(String[] args) {
        long rows = Long.parseLong(args[0]);
        int width = Integer.parseInt(args[1]);
        int m = Integer.parseInt(args[2]);
        GeneratedRows source = new GeneratedRows(rows, width, 42);
        long heap = Runtime.getRuntime().maxMemory();
        System.out.println("HEAP max=" + heap + " data=" + source.featureBytes());
        if (source.featureBytes() < 4 * heap) {
            throw new IllegalStateException("the data set must not fit in the heap");
        }
        for (String id : args[3].split(",")) {
            CoresetSelector spec = CoresetSelector.of(SelectionMethod.fromId(id)).size(m).seed(7);
            long start = System.nanoTime();
            CoresetRows selected = StreamingSelector.of(spec).selectRows(source);
            double seconds = (System.nanoTime() - start) / 1e9;
            Coreset c = selected.coreset();
            float[][] kept = selected.rows();
            System.out.printf("CORESET method=%s n=%d m=%d distinct=%d rows=%d width=%d totalWeight=%.1f "
                    + "seconds=%.2f%n", id, c.sourceRows(), c.draws(), c.size(), kept.length, kept[0].length,
                    c.totalWeight(), seconds);
        }
        System.out.println("DONE");
    }
}
