package io.mixbench.launch.internal;

import io.mixbench.launch.guard.ExitGuard;
import java.nio.charset.StandardCharsets;
import java.util.function.Predicate;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.osgi.framework.Bundle;
import org.osgi.framework.hooks.weaving.WeavingHook;
import org.osgi.framework.hooks.weaving.WovenClass;

/**
 * Rewrites {@code System.exit}, {@code Runtime.exit} and {@code Runtime.halt} calls in plug-in classes into calls
 * of {@link ExitGuard}, which throw instead. Registered before any plug-in is installed, so it sees every class a
 * plug-in bundle defines. Reflection, method handles and native code still reach the real methods
 * (docs/plugins.md).
 */
final class ExitCallWeaver implements WeavingHook {

    private static final byte[] EXIT = "exit".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] HALT = "halt".getBytes(StandardCharsets.US_ASCII);

    private final Predicate<Bundle> isPlugin;

    ExitCallWeaver(Predicate<Bundle> isPlugin) {
        this.isPlugin = isPlugin;
    }

    @Override
    public void weave(WovenClass woven) {
        if (!isPlugin.test(woven.getBundleWiring().getBundle())) {
            return;
        }
        byte[] original = woven.getBytes();
        // The method names sit in the constant pool: a class without them needs no parsing (most classes).
        if (indexOf(original, EXIT) < 0 && indexOf(original, HALT) < 0) {
            return;
        }
        byte[] rewritten = rewrite(original);
        if (rewritten != null) {
            woven.setBytes(rewritten);
            woven.getDynamicImports().add(ExitGuard.PACKAGE);
        }
    }

    /** The class with its exit calls redirected to the guard, or null when it makes none. */
    static byte[] rewrite(byte[] classFile) {
        ClassReader reader = new ClassReader(classFile);
        // Same stack effect: maximums and frames stay valid, so nothing is computed again.
        ClassWriter writer = new ClassWriter(reader, 0);
        boolean[] changed = {false};
        reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                    String[] exceptions) {
                return new MethodVisitor(Opcodes.ASM9,
                        super.visitMethod(access, name, descriptor, signature, exceptions)) {
                    @Override
                    public void visitMethodInsn(int opcode, String owner, String method, String desc,
                            boolean isInterface) {
                        if (opcode == Opcodes.INVOKESTATIC && owner.equals("java/lang/System")
                                && method.equals("exit") && desc.equals("(I)V")) {
                            changed[0] = true;
                            super.visitMethodInsn(Opcodes.INVOKESTATIC, ExitGuard.INTERNAL_NAME, "exit", "(I)V",
                                    false);
                        } else if (opcode == Opcodes.INVOKEVIRTUAL && owner.equals("java/lang/Runtime")
                                && (method.equals("exit") || method.equals("halt")) && desc.equals("(I)V")) {
                            changed[0] = true;
                            super.visitMethodInsn(Opcodes.INVOKESTATIC, ExitGuard.INTERNAL_NAME, method,
                                    "(Ljava/lang/Runtime;I)V", false);
                        } else {
                            super.visitMethodInsn(opcode, owner, method, desc, isInterface);
                        }
                    }
                };
            }
        }, 0);
        return changed[0] ? writer.toByteArray() : null;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer : for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
