package uk.westmercia.charter.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.westmercia.charter.catalogue.Catalogue;
import uk.westmercia.charter.reference.Lpa;

/** Renders the HTML in headless Chromium: the DOM names the quarter and every LPA, charts are drawn, no console errors. */
class ScorecardBrowserTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    private static String run(Path profile, List<String> extra, Path stderr) throws Exception {
        List<String> command = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--enable-logging=stderr", "--v=0", "--user-data-dir=" + profile));
        command.addAll(extra);
        Process process = new ProcessBuilder(command).redirectError(stderr.toFile()).start();
        byte[] out = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("chromium finished").isTrue();
        return new String(out, StandardCharsets.UTF_8);
    }

    @Test
    void chromiumRendersTheScorecard(@TempDir Path temp) throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM), "Skipping the browser test: /usr/bin/chromium is absent (apt-get install -y chromium)");
        ScorecardReport report = new ScorecardBuilder(Catalogue.bundled()).build(Fixtures.quarter("2024-25 Q4"), Fixtures.twoYears());
        Path html = temp.resolve("charter-scorecard-2024-25-Q4.html");
        Files.writeString(html, ScorecardHtml.render(report), StandardCharsets.UTF_8);

        Path domErr = temp.resolve("dom.err");
        String dom = run(temp.resolve("profile-dom"), List.of("--dump-dom", html.toUri().toString()), domErr);
        assertThat(dom).contains("2024-25 Q4");
        for (Lpa lpa : Lpa.values()) {
            assertThat(dom).contains(Html.escape(lpa.displayName()));
        }
        assertThat(dom).contains("<svg").contains("<polyline").contains("<circle").contains("<title");
        // The LPAs' SPC charts as small multiples, each with its variation icon, drawn as SVG with a text alternative.
        assertThat(dom).contains("class=\"multiples\"");
        for (Lpa lpa : Lpa.values()) {
            assertThat(dom).contains("id=\"spc-PRV-04-" + lpa.code() + "-desc\"");
        }
        assertThat(dom).containsPattern("<svg [^>]*class=\"icon icon-[a-z]+\" role=\"img\"[^>]*aria-label=\"Variation: ")
                .contains("<title>Variation: ");
        // The funnel's adjusted limits and the words saying how they were adjusted.
        assertThat(dom).contains("class=\"adjusted95\"").contains("Limits adjusted for overdispersion");
        assertThat(dom).doesNotContainPattern("(src|href|url)[=(]\"?https?:").doesNotContain("<script").doesNotContain("<link");

        Path target = Path.of("target").toAbsolutePath();
        Files.createDirectories(target);
        Path screenshot = target.resolve("scorecard.png");
        Files.deleteIfExists(screenshot);
        Path shotErr = temp.resolve("shot.err");
        run(temp.resolve("profile-shot"), List.of("--screenshot=" + screenshot, "--window-size=1280,2000", html.toUri().toString()), shotErr);
        assertThat(screenshot).exists();
        assertThat(Files.size(screenshot)).isGreaterThan(10_000);

        // PCC offices publish PDFs: the page prints on A4 (595 x 842 points). Whether a chart is cut across
        // pages is left to the print style's break-inside rules; this test does not look inside the PDF.
        Path pdf = temp.resolve("scorecard.pdf");
        Path pdfErr = temp.resolve("pdf.err");
        run(temp.resolve("profile-pdf"), List.of("--no-pdf-header-footer", "--print-to-pdf=" + pdf, html.toUri().toString()), pdfErr);
        assertThat(pdf).exists();
        String pdfText = new String(Files.readAllBytes(pdf), StandardCharsets.ISO_8859_1);
        // Chromium writes A4 as 594.96 x 841.92; US Letter would be 612 x 792.
        assertThat(pdfText).startsWith("%PDF").containsPattern("/MediaBox \\[0 0 59[45](\\.\\d+)? 84[12](\\.\\d+)?\\]")
                .doesNotContain("/MediaBox [0 0 612 792]");

        for (Path log : List.of(domErr, shotErr, pdfErr)) {
            List<String> consoleErrors = Files.readAllLines(log, StandardCharsets.UTF_8).stream()
                    .filter(line -> line.contains("Uncaught") || line.contains("CONSOLE") || line.contains(":CONSOLE(")
                            || line.contains("console"))
                    .toList();
            assertThat(consoleErrors).as("console messages in " + log).isEmpty();
        }
    }
}
