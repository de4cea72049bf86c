package io.greentrain.agent.it.reliability.apps;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Collections;
import org.tribuo.Trainer;

/**
 * Makes Tribuo trainer classes at run time: the bytecode of {@link TinyTrainerTemplate} renamed into
 * {@code org.tribuo.greentrain.it.<name>} (only constant-pool strings change) and defined by one class loader.
 * The agent instruments them like any Tribuo trainer, so a test can make one cheap training call per
 * {@link #train} and as many distinct model classes as it likes.
 */
public final class TrainerClasses extends ClassLoader {

    public static final String PACKAGE = "org.tribuo.greentrain.it";
    private static final String TEMPLATE = TinyTrainerTemplate.class.getName().replace('.', '/');
    private final byte[] template;

    public TrainerClasses() {
        super(TrainerClasses.class.getClassLoader());
        try (InputStream in = TrainerClasses.class.getResourceAsStream("/" + TEMPLATE + ".class")) {
            template = in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A new trainer class {@code org.tribuo.greentrain.it.<simpleName>} (define each name once). */
    @SuppressWarnings("unchecked")
    public Class<? extends Trainer<?>> define(String simpleName) {
        String name = PACKAGE + "." + simpleName;
        byte[] bytes = rename(template, TEMPLATE, name.replace('.', '/'));
        return (Class<? extends Trainer<?>>) defineClass(name, bytes, 0, bytes.length);
    }

    /** A new instance of a new trainer class. */
    public Trainer<?> newTrainer(String simpleName) {
        try {
            return define(simpleName).getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One training call (what the agent sees as one call of library tribuo, model = the class's simple name). */
    @SuppressWarnings({"rawtypes", "unchecked"})
    public static void train(Trainer trainer) {
        trainer.train(null, Collections.emptyMap());
    }

    /** Replaces {@code from} by {@code to} inside every UTF8 constant of a class file; nothing else refers to lengths. */
    static byte[] rename(byte[] classFile, String from, String to) {
        try {
            DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(classFile));
            ByteArrayOutputStream buffer = new ByteArrayOutputStream(classFile.length + 256);
            DataOutputStream out = new DataOutputStream(buffer);
            out.writeInt(in.readInt()); // magic
            out.writeShort(in.readUnsignedShort()); // minor
            out.writeShort(in.readUnsignedShort()); // major
            int count = in.readUnsignedShort();
            out.writeShort(count);
            for (int i = 1; i < count; i++) {
                int tag = in.readUnsignedByte();
                out.writeByte(tag);
                switch (tag) {
                    case 1: { // Utf8
                        out.writeUTF(in.readUTF().replace(from, to)); // the class file's modified UTF-8 is DataInput's
                        break;
                    }
                    case 3: case 4: // Integer, Float
                        out.writeInt(in.readInt());
                        break;
                    case 5: case 6: // Long, Double: two slots
                        out.writeLong(in.readLong());
                        i++;
                        break;
                    case 7: case 8: case 16: case 19: case 20: // Class, String, MethodType, Module, Package
                        out.writeShort(in.readUnsignedShort());
                        break;
                    case 15: // MethodHandle
                        out.writeByte(in.readUnsignedByte());
                        out.writeShort(in.readUnsignedShort());
                        break;
                    case 9: case 10: case 11: case 12: case 17: case 18: // refs, NameAndType, Dynamic, InvokeDynamic
                        out.writeInt(in.readInt());
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
