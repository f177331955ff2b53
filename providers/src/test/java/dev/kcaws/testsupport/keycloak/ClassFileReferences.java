package dev.kcaws.testsupport.keycloak;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The members one compiled class links to (its constant pool's field, method and interface-method
 * references), read straight from the class file: what the JVM resolves, and fails with
 * {@code NoSuchMethodError} / {@code NoSuchFieldError} on, when the class runs on another server;
 * and its {@link Shape} (supertypes, declared methods), read without loading or linking anything.
 */
public final class ClassFileReferences {

    /** {@code owner} in internal form ({@code org/keycloak/…}); {@code descriptor} as in the class file. */
    public record Reference(String owner, String name, String descriptor) {
        public boolean isMethod() {
            return descriptor.startsWith("(");
        }

        @Override
        public String toString() {
            return owner.replace('/', '.') + "." + name + descriptor;
        }
    }

    private ClassFileReferences() {
    }

    /** What a class file says about its type: its supertypes and the methods it declares. */
    public record Shape(String superName, List<String> interfaces, List<Method> methods) {
    }

    /** A declared method: name, descriptor and access flags ({@link java.lang.reflect.Modifier} bits; 0x1000 synthetic, 0x40 bridge). */
    public record Method(String name, String descriptor, int access) {
        public boolean overridable() {
            return (access & (0x0002 | 0x0008 | 0x1000 | 0x0040)) == 0 && !name.startsWith("<");
        }
    }

    public static Shape shape(byte[] classFile) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(classFile));
        if (in.readInt() != 0xCAFEBABE) {
            throw new IOException("not a class file");
        }
        in.readUnsignedShort();
        in.readUnsignedShort();
        int count = in.readUnsignedShort();
        String[] utf8 = new String[count];
        int[] classNames = new int[count];
        readPool(in, count, utf8, classNames, new int[count][], new ArrayList<>());
        in.readUnsignedShort();
        in.readUnsignedShort();
        int superIndex = in.readUnsignedShort();
        List<String> interfaces = new ArrayList<>();
        for (int i = in.readUnsignedShort(); i > 0; i--) {
            interfaces.add(utf8[classNames[in.readUnsignedShort()]]);
        }
        for (int i = in.readUnsignedShort(); i > 0; i--) {
            in.readUnsignedShort();
            in.readUnsignedShort();
            in.readUnsignedShort();
            skipAttributes(in);
        }
        List<Method> methods = new ArrayList<>();
        for (int i = in.readUnsignedShort(); i > 0; i--) {
            int access = in.readUnsignedShort();
            String name = utf8[in.readUnsignedShort()];
            String descriptor = utf8[in.readUnsignedShort()];
            skipAttributes(in);
            methods.add(new Method(name, descriptor, access));
        }
        return new Shape(superIndex == 0 ? null : utf8[classNames[superIndex]], interfaces, methods);
    }

    private static void skipAttributes(DataInputStream in) throws IOException {
        for (int i = in.readUnsignedShort(); i > 0; i--) {
            in.readUnsignedShort();
            in.skipNBytes(in.readInt() & 0xFFFFFFFFL);
        }
    }

    public static List<Reference> of(byte[] classFile) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(classFile));
        if (in.readInt() != 0xCAFEBABE) {
            throw new IOException("not a class file");
        }
        in.readUnsignedShort();
        in.readUnsignedShort();
        int count = in.readUnsignedShort();
        String[] utf8 = new String[count];
        int[] classNames = new int[count];
        int[][] nameAndTypes = new int[count][];
        List<int[]> refs = new ArrayList<>();
        readPool(in, count, utf8, classNames, nameAndTypes, refs);
        List<Reference> result = new ArrayList<>();
        for (int[] ref : refs) {
            int[] nameAndType = nameAndTypes[ref[1]];
            result.add(new Reference(utf8[classNames[ref[0]]], utf8[nameAndType[0]], utf8[nameAndType[1]]));
        }
        return result;
    }

    private static void readPool(DataInputStream in, int count, String[] utf8, int[] classNames, int[][] nameAndTypes,
                                 List<int[]> refs) throws IOException {
        for (int i = 1; i < count; i++) {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case 1 -> utf8[i] = in.readUTF();
                case 7 -> classNames[i] = in.readUnsignedShort();
                case 9, 10, 11 -> refs.add(new int[]{in.readUnsignedShort(), in.readUnsignedShort()});
                case 12 -> nameAndTypes[i] = new int[]{in.readUnsignedShort(), in.readUnsignedShort()};
                case 8, 16, 19, 20 -> in.readUnsignedShort();
                case 15 -> {
                    in.readUnsignedByte();
                    in.readUnsignedShort();
                }
                case 3, 4, 17, 18 -> in.readInt();
                case 5, 6 -> {
                    in.readLong();
                    i++;
                }
                default -> throw new IOException("unknown constant pool tag " + tag);
            }
        }
    }
}
