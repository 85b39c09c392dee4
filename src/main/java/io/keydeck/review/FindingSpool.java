package io.keydeck.review;

import io.keydeck.model.ApiKey;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;

/**
 * Every finding of a report, handed back in report order ({@link ReviewRules#ORDER}, most severe first)
 * without holding them all: findings gather in a sorted run of at most {@code runSize}; a full run goes
 * to a temporary file, and reading merges the runs. Each finding keeps only what a report shows of its
 * key (id, name, prefix, last four).
 */
final class FindingSpool implements Closeable {
    static final int RUN_SIZE = 20_000;

    private final int runSize;
    private final List<Finding> current = new ArrayList<>();
    private final List<Path> runs = new ArrayList<>();
    private final List<Closeable> readers = new ArrayList<>();

    FindingSpool(int runSize) {
        this.runSize = runSize;
    }

    void add(Finding finding) throws IOException {
        ApiKey k = finding.key();
        ApiKey shown = shownPart(k.id(), k.name(), k.prefix(), k.lastFour());
        current.add(new Finding(finding.severity(), finding.ruleId(), shown, finding.connection(), finding.reason(),
                finding.action()));
        if (current.size() >= runSize) {
            spill();
        }
    }

    /** The findings so far in report order; may be read more than once (until {@link #close}). */
    Iterator<Finding> sorted() throws IOException {
        current.sort(ReviewRules.ORDER);
        List<Iterator<Finding>> sources = new ArrayList<>();
        sources.add(current.iterator());
        for (Path run : runs) {
            RunReader reader = new RunReader(run);
            readers.add(reader);
            sources.add(reader);
        }
        return sources.size() == 1 ? sources.get(0) : new Merge(sources);
    }

    private void spill() throws IOException {
        current.sort(ReviewRules.ORDER);
        Path run = Files.createTempFile("keydeck-findings-", ".run");
        runs.add(run);
        try (DataOutputStream out = new DataOutputStream(
                new BufferedOutputStream(Files.newOutputStream(run), 1 << 16))) {
            for (Finding f : current) {
                out.writeByte(f.severity().ordinal());
                out.writeByte(f.action().ordinal());
                for (String text : List.of(f.ruleId(), f.connection(), f.key().id(), f.key().name(), f.key().prefix(),
                        f.key().lastFour(), f.reason())) {
                    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
                    out.writeInt(bytes.length);
                    out.write(bytes);
                }
            }
        }
        current.clear();
    }

    private static ApiKey shownPart(String id, String name, String prefix, String lastFour) {
        return new ApiKey(id, name, prefix, lastFour, null, null, null, null, null, null, false, null, false, null);
    }

    @Override
    public void close() throws IOException {
        for (Closeable reader : readers) {
            reader.close();
        }
        for (Path run : runs) {
            Files.deleteIfExists(run);
        }
        readers.clear();
        runs.clear();
        current.clear();
    }

    /** One spilled run, read back in the order it was written. */
    private static final class RunReader implements Iterator<Finding>, Closeable {
        private final DataInputStream in;
        private Finding next;

        RunReader(Path run) throws IOException {
            in = new DataInputStream(new BufferedInputStream(Files.newInputStream(run), 1 << 14));
            next = read();
        }

        private Finding read() {
            try {
                int severity;
                try {
                    severity = in.readUnsignedByte();
                } catch (EOFException end) {
                    return null;
                }
                FixAction action = FixAction.values()[in.readUnsignedByte()];
                String ruleId = text();
                String connection = text();
                ApiKey key = shownPart(text(), text(), text(), text());
                return new Finding(Severity.values()[severity], ruleId, key, connection, text(), action);
            } catch (IOException e) {
                throw new UncheckedIOException("a spilled run of findings could not be read back", e);
            }
        }

        private String text() throws IOException {
            return new String(in.readNBytes(in.readInt()), StandardCharsets.UTF_8);
        }

        @Override
        public boolean hasNext() {
            return next != null;
        }

        @Override
        public Finding next() {
            if (next == null) {
                throw new NoSuchElementException();
            }
            Finding finding = next;
            next = read();
            return finding;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }

    /** The runs merged: always the least of their heads next. */
    private static final class Merge implements Iterator<Finding> {
        private record Head(Finding finding, Iterator<Finding> rest) {
        }

        private final PriorityQueue<Head> heads =
                new PriorityQueue<>((a, b) -> ReviewRules.ORDER.compare(a.finding, b.finding));

        Merge(List<Iterator<Finding>> sources) {
            sources.forEach(this::advance);
        }

        private void advance(Iterator<Finding> source) {
            if (source.hasNext()) {
                heads.add(new Head(source.next(), source));
            }
        }

        @Override
        public boolean hasNext() {
            return !heads.isEmpty();
        }

        @Override
        public Finding next() {
            Head head = heads.poll();
            if (head == null) {
                throw new NoSuchElementException();
            }
            advance(head.rest);
            return head.finding;
        }
    }
}
