package io.github.camelloganalytics.examples;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One fenced code block of a documentation page, as a reader copies it: the page, the line of its opening fence, its
 * language and its text (without the fences and the indentation of a list item).
 */
record DocSample(String page, int line, String language, String text) {

    /** The pages whose samples are read: README.md and docs/*.md, less the generated reference. */
    static final String GENERATED_PAGE = "docs/component-reference.md";

    private static final Pattern FENCE = Pattern.compile("^( *)```(\\S*)\\s*$");

    /** Where the sample is, for messages: page:line. */
    String where() {
        return page + ":" + line;
    }

    /** The samples of every page, in page order. */
    static List<DocSample> all(Path root) throws IOException {
        List<String> pages = new ArrayList<>();
        pages.add("README.md");
        try (Stream<Path> docs = Files.list(root.resolve("docs"))) {
            docs.map(p -> "docs/" + p.getFileName()).filter(p -> p.endsWith(".md") && !p.equals(GENERATED_PAGE))
                    .sorted().forEach(pages::add);
        }
        List<DocSample> samples = new ArrayList<>();
        for (String page : pages) {
            samples.addAll(of(page, Files.readString(root.resolve(page), StandardCharsets.UTF_8)));
        }
        return samples;
    }

    /** The fenced blocks of one page's Markdown. */
    static List<DocSample> of(String page, String markdown) {
        List<DocSample> samples = new ArrayList<>();
        String[] lines = markdown.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            Matcher open = FENCE.matcher(lines[i]);
            if (!open.matches()) {
                continue;
            }
            int indent = open.group(1).length();
            StringBuilder text = new StringBuilder();
            int j = i + 1;
            while (j < lines.length && !lines[j].strip().equals("```")) {
                String line = lines[j];
                int cut = Math.min(indent, line.length() - line.stripLeading().length());
                text.append(line.substring(cut)).append('\n');
                j++;
            }
            samples.add(new DocSample(page, i + 1, open.group(2), text.toString()));
            i = j;
        }
        return samples;
    }
}
