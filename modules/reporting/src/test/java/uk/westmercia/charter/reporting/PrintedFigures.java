package uk.westmercia.charter.reporting;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDMarkedContentReference;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDObjectReference;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureTreeRoot;

/**
 * The figures of a printed page, read from the PDF's structure tree: Chromium tags each {@code <figure>} and each
 * {@code <svg role="img">} as a Figure, and each piece of its drawing as marked content on the page it landed on.
 * A figure whose pieces lie on two pages was cut by a page break.
 */
record PrintedFigures(int pages, List<Printed> figures) {
    record Printed(String description, Set<Integer> pages) {
        boolean cut() {
            return pages.size() > 1;
        }
    }

    static PrintedFigures read(Path pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            PDStructureTreeRoot root = document.getDocumentCatalog().getStructureTreeRoot();
            if (root == null) {
                throw new IllegalStateException("Cannot read the figures of " + pdf + ": the PDF is not tagged");
            }
            List<Printed> figures = new ArrayList<>();
            collectFigures(document, root.getKids(), null, figures);
            return new PrintedFigures(document.getNumberOfPages(), List.copyOf(figures));
        }
    }

    List<Printed> cut() {
        return figures.stream().filter(Printed::cut).toList();
    }

    private static void collectFigures(PDDocument document, List<Object> kids, PDPage inherited, List<Printed> figures) {
        for (Object kid : kids) {
            if (kid instanceof PDStructureElement element) {
                PDPage page = element.getPage() != null ? element.getPage() : inherited;
                if ("Figure".equals(element.getStructureType())) {
                    Set<Integer> pages = new TreeSet<>();
                    pagesOf(document, element, page, pages);
                    String description = element.getAlternateDescription() != null ? element.getAlternateDescription()
                            : "a figure without a text alternative";
                    figures.add(new Printed(description, pages));
                }
                collectFigures(document, element.getKids(), page, figures);
            }
        }
    }

    // A kid is a marked-content id on the element's page (/Pg, inherited), a reference naming its own page, or an element.
    private static void pagesOf(PDDocument document, PDStructureElement element, PDPage page, Set<Integer> pages) {
        for (Object kid : element.getKids()) {
            PDPage on = null;
            if (kid instanceof Integer || kid instanceof PDObjectReference) {
                on = page;
            } else if (kid instanceof PDMarkedContentReference reference) {
                on = reference.getPage() != null ? reference.getPage() : page;
            } else if (kid instanceof PDStructureElement child) {
                pagesOf(document, child, child.getPage() != null ? child.getPage() : page, pages);
            }
            if (on != null) {
                pages.add(document.getPages().indexOf(on) + 1);
            }
        }
    }
}
