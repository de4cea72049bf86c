package io.greentrain.subset;

/** Shows the rows of a finished coreset to a {@link DrawListener} in one more pass (for the in-memory methods). */
final class DrawReplay {

    private DrawReplay() {
    }

    static void replay(RowInput input, Coreset coreset, long rows, DrawListener listener) {
        try (RowPass pass = input.open(2)) {
            long row = 0;
            int k = 0;
            while (pass.advance()) {
                if (k < coreset.size() && coreset.index(k) == row) {
                    listener.drawn(row, pass.cursor());
                    k++;
                }
                row++;
            }
            if (row != rows) {
                throw StreamingSelector.cannotRestart(input, row, rows);
            }
        }
    }
}
