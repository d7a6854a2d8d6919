package dev.zt.cdi.internal;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.Set;

/**
 * Finds the methods a class's own bytecode calls on its own type ({@code this.m()}, {@code other.m()},
 * {@code this::m}), by reading the method references of its constant pool. A reference to a guarded
 * method of the bean's own class means a self-invocation the interceptor may not see. This is a hint
 * for a deployment warning, not a proof: it cannot tell {@code this.m()} from {@code anotherBean.m()}
 * when both have the bean's type.
 */
public final class SelfCalls {

    private static final int UTF8 = 1;
    private static final int CLASS = 7;
    private static final int METHODREF = 10;
    private static final int NAME_AND_TYPE = 12;

    private SelfCalls() {
    }

    /**
     * The {@code name + descriptor} (e.g. {@code place(Ljava/lang/String;)V}) of every method that
     * {@code type}'s bytecode references on {@code owner}; empty when the class file cannot be read.
     */
    public static Set<String> of(Class<?> type, Class<?> owner) {
        ClassLoader loader = type.getClassLoader() != null ? type.getClassLoader() : ClassLoader.getSystemClassLoader();
        try (InputStream in = loader.getResourceAsStream(type.getName().replace('.', '/') + ".class")) {
            return in == null ? Set.of() : read(new DataInputStream(in), owner.getName().replace('.', '/'));
        } catch (IOException | RuntimeException e) {
            return Set.of();
        }
    }

    private static Set<String> read(DataInputStream in, String ownerInternalName) throws IOException {
        if (in.readInt() != 0xCAFEBABE) {
            return Set.of();
        }
        in.readUnsignedShort();
        in.readUnsignedShort();
        int count = in.readUnsignedShort();
        String[] utf8 = new String[count];
        int[] classNameIndex = new int[count];
        int[][] refs = new int[count][];
        int[][] nameAndType = new int[count][];
        for (int i = 1; i < count; i++) {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case UTF8 -> utf8[i] = in.readUTF();
                case CLASS -> classNameIndex[i] = in.readUnsignedShort();
                case METHODREF -> refs[i] = new int[] {in.readUnsignedShort(), in.readUnsignedShort()};
                case NAME_AND_TYPE -> nameAndType[i] = new int[] {in.readUnsignedShort(), in.readUnsignedShort()};
                case 3, 4 -> in.readInt();                 // Integer, Float
                case 5, 6 -> {                             // Long, Double take two slots
                    in.readLong();
                    i++;
                }
                case 8, 16, 19, 20 -> in.readUnsignedShort(); // String, MethodType, Module, Package
                case 9, 11, 17, 18 -> in.readInt();        // Fieldref, InterfaceMethodref, Dynamic, InvokeDynamic
                case 15 -> {                               // MethodHandle
                    in.readUnsignedByte();
                    in.readUnsignedShort();
                }
                default -> throw new IOException("unknown constant pool tag " + tag);
            }
        }
        Set<String> calls = new HashSet<>();
        for (int[] ref : refs) {
            if (ref != null && ownerInternalName.equals(utf8[classNameIndex[ref[0]]])) {
                int[] nt = nameAndType[ref[1]];
                calls.add(utf8[nt[0]] + utf8[nt[1]]);
            }
        }
        return calls;
    }
}
