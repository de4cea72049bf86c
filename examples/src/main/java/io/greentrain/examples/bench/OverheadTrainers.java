package io.greentrain.examples.bench;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Collections;
import org.tribuo.Trainer;

/**
 * Defines Tribuo trainer classes at run time from {@link OverheadTrainerTemplate}'s bytecode, renamed into
 * {@code org.tribuo.greentrain.bench} (only constant-pool strings change), so the agent sees a real Tribuo trainer
 * without this module shipping classes in Tribuo's package.
 */
public final class OverheadTrainers extends ClassLoader {

    public static final String PACKAGE = "org.tribuo.greentrain.bench";
    private static final String TEMPLATE = OverheadTrainerTemplate.class.getName().replace('.', '/');
    private final byte[] template;

    public OverheadTrainers() {
        super(OverheadTrainers.class.getClassLoader());
        try (InputStream in = OverheadTrainers.class.getResourceAsStream("/" + TEMPLATE + ".class")) {
            template = in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A new instance of a new trainer class {@code org.tribuo.greentrain.bench.<simpleName>} (each name once). */
    public Trainer<?> newTrainer(String simpleName) {
        String name = PACKAGE + "." + simpleName;
        byte[] bytes = rename(template, TEMPLATE, name.replace('.', '/'));
        try {
            return (Trainer<?>) defineClass(name, bytes, 0, bytes.length).getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One training call. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    public static Object train(Trainer trainer) {
        return trainer.train(null, Collections.emptyMap());
    }

    /** Replaces {@code from} by {@code to} inside every UTF8 constant of a class file; nothing else refers to lengths. */
    static byte[] rename(byte[] classFile, String from, String to) {
        try {
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(classFile));
            ByteArrayOutputStream buffer = new ByteArrayOutputStream(classFile.length + 256);
            DataOutputStream out = new DataOutputStream(buffer);
            out.writeInt(in.readInt());
            out.writeShort(in.readUnsignedShort());
            out.writeShort(in.readUnsignedShort());
            int count = in.readUnsignedShort();
            out.writeShort(count);
            for (int i = 1; i < count; i++) {
                int tag = in.readUnsignedByte();
                out.writeByte(tag);
                switch (tag) {
                    case 1: // Utf8: the class file's modified UTF-8 is DataInput's
                        out.writeUTF(in.readUTF().replace(from, to));
                        break;
                    case 3: case 4: case 9: case 10: case 11: case 12: case 17: case 18:
                        out.writeInt(in.readInt());
                        break;
                    case 5: case 6: // two slots
                        out.writeLong(in.readLong());
                        i++;
                        break;
                    case 7: case 8: case 16: case 19: case 20:
                        out.writeShort(in.readUnsignedShort());
                        break;
                    case 15:
                        out.writeByte(in.readUnsignedByte());
                        out.writeShort(in.readUnsignedShort());
                        break;
                    default:
                        throw new IllegalStateException("constant pool tag " + tag);
                }
            }
            in.transferTo(out);
            out.flush();
            return buffer.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
