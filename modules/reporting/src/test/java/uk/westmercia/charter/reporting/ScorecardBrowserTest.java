package uk.westmercia.charter.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.westmercia.charter.catalogue.Catalogue;
import uk.westmercia.charter.reference.Lpa;

/**
 * Renders the HTML in headless Chromium: the DOM names the quarter and every LPA, charts are drawn, no console errors,
 * and the A4 print cuts no chart across pages.
 */
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

        // PCC offices publish PDFs: the page prints on A4 (595 x 842 points), and no chart or its caption is cut
        // across pages (the print style's break-inside rules, read back from the tagged PDF).
        Path pdf = temp.resolve("scorecard.pdf");
        Path pdfErr = temp.resolve("pdf.err");
        run(temp.resolve("profile-pdf"), List.of("--no-pdf-header-footer", "--print-to-pdf=" + pdf, html.toUri().toString()), pdfErr);
        assertThat(pdf).exists();
        Files.copy(pdf, target.resolve("scorecard.pdf"), StandardCopyOption.REPLACE_EXISTING);
        String pdfText = new String(Files.readAllBytes(pdf), StandardCharsets.ISO_8859_1);
        // Chromium writes A4 as 594.96 x 841.92; US Letter would be 612 x 792.
        assertThat(pdfText).startsWith("%PDF").containsPattern("/MediaBox \\[0 0 59[45](\\.\\d+)? 84[12](\\.\\d+)?\\]")
                .doesNotContain("/MediaBox [0 0 612 792]");
        PrintedFigures printed = PrintedFigures.read(pdf);
        assertThat(printed.pages()).as("printed pages").isGreaterThan(1);
        assertThat(printed.figures()).as("figures in the PDF")
                .anyMatch(figure -> figure.description().equals("PRV-04 Recorded crime rate, West Mercia: monthly SPC chart"))
                .anyMatch(figure -> figure.description().endsWith("(funnel plot)"))
                .anyMatch(figure -> figure.description().equals("PRV-04, Telford & Wrekin: monthly SPC chart"));
        assertThat(printed.cut()).as("figures cut across pages").isEmpty();

        for (Path log : List.of(domErr, shotErr, pdfErr)) {
            List<String> consoleErrors = Files.readAllLines(log, StandardCharsets.UTF_8).stream()
                    .filter(line -> line.contains("Uncaught") || line.contains("CONSOLE") || line.contains(":CONSOLE(")
                            || line.contains("console"))
                    .toList();
            assertThat(consoleErrors).as("console messages in " + log).isEmpty();
        }
    }

    /** The check above can fail: a chart taller than an A4 page is cut, and the PDF's structure says so. */
    @Test
    void aChartTallerThanThePageIsSeenCut(@TempDir Path temp) throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM), "Skipping the browser test: /usr/bin/chromium is absent (apt-get install -y chromium)");
        Path html = temp.resolve("tall.html");
        Files.writeString(html, """
                <!doctype html><html lang="en"><head><meta charset="utf-8"><title>Tall</title></head><body>
                <p>Before the chart</p>
                <figure><svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="Too tall" width="400" height="2000">
                <rect width="400" height="2000" fill="none" stroke="black"/></svg><figcaption>Caption</figcaption></figure>
                <figure><svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="Small" width="100" height="100">
                <rect width="100" height="100" fill="none" stroke="black"/></svg><figcaption>Caption</figcaption></figure>
                </body></html>
                """, StandardCharsets.UTF_8);
        Path pdf = temp.resolve("tall.pdf");
        run(temp.resolve("profile"), List.of("--no-pdf-header-footer", "--print-to-pdf=" + pdf, html.toUri().toString()),
                temp.resolve("tall.err"));

        PrintedFigures printed = PrintedFigures.read(pdf);
        assertThat(printed.cut()).extracting(PrintedFigures.Printed::description)
                .containsExactly("a figure without a text alternative", "Too tall");
        assertThat(printed.figures()).filteredOn(figure -> figure.description().equals("Small"))
                .singleElement().extracting(PrintedFigures.Printed::cut).isEqualTo(false);
    }
}
