package io.github.camelloganalytics.examples;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Compiles Java sources the tests put together from the docs' samples, against the test class path, with the JDK's
 * compiler, and loads the classes.
 */
final class SampleCompiler {

    private SampleCompiler() {
    }

    /**
     * Compiles the sources (class name to source) into a new directory.
     *
     * @return a class loader over the compiled classes, whose parent is the tests' class loader
     * @throws AssertionError with the compiler's diagnostics and the sources when they do not compile
     */
    static ClassLoader compile(Map<String, String> sources) throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        Path dir = Files.createTempDirectory(Path.of("target"), "doc-samples");
        Path src = dir.resolve("src");
        Path classes = dir.resolve("classes");
        Files.createDirectories(classes);
        List<String> args = new ArrayList<>(List.of("-proc:none", "-nowarn", "-encoding", "UTF-8",
                "-classpath", classPath(), "-d", classes.toString()));
        for (Map.Entry<String, String> source : sources.entrySet()) {
            Path file = src.resolve(source.getKey().replace('.', '/') + ".java");
            Files.createDirectories(file.getParent());
            Files.writeString(file, source.getValue());
            args.add(file.toString());
        }
        ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
        int rc = javac.run(null, diagnostics, diagnostics, args.toArray(String[]::new));
        if (rc != 0) {
            throw new AssertionError("does not compile:\n" + diagnostics + "\n" + String.join("\n", sources.values()));
        }
        return new URLClassLoader(new URL[] { classes.toUri().toURL() }, SampleCompiler.class.getClassLoader());
    }

    /** The class path the tests run with; surefire's manifest-only jar is opened into its entries. */
    private static String classPath() throws IOException {
        List<String> entries = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            entries.add(entry);
            if (entry.endsWith(".jar") && entry.contains("surefire")) {
                try (JarFile jar = new JarFile(entry)) {
                    Manifest manifest = jar.getManifest();
                    String cp = manifest == null ? null : manifest.getMainAttributes().getValue("Class-Path");
                    if (cp != null) {
                        for (String url : cp.split(" ")) {
                            if (!url.isBlank()) {
                                entries.add(Path.of(java.net.URI.create(url)).toString());
                            }
                        }
                    }
                }
            }
        }
        return String.join(File.pathSeparator, entries);
    }
}
