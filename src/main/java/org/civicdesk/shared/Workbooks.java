package org.civicdesk.shared;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Reading and writing the Excel workbooks that offices exchange (Apache POI). */
public final class Workbooks {

    private static final DataFormatter FORMAT = new DataFormatter();

    private Workbooks() {
    }

    /** Opens an uploaded file; anything that is not a readable workbook is a 400 naming the field {@code file}. */
    public static Workbook open(InputStream in) {
        try {
            return WorkbookFactory.create(in);
        } catch (IOException | RuntimeException e) {
            throw Problems.invalid("file", "validation.notWorkbook");
        }
    }

    /** The data rows of a sheet: the first row is the header, blank rows are skipped. */
    public static List<Row> dataRows(Sheet sheet) {
        List<Row> rows = new ArrayList<>();
        if (sheet == null) {
            return rows;
        }
        for (Row row : sheet) {
            if (row.getRowNum() == 0) {
                continue;
            }
            for (Cell cell : row) {
                if (!FORMAT.formatCellValue(cell).isBlank()) {
                    rows.add(row);
                    break;
                }
            }
        }
        return rows;
    }

    /** The first {@code n} cells of a row as trimmed text, {@code null} where empty. */
    public static String[] cells(Row row, int n) {
        String[] values = new String[n];
        for (int i = 0; i < n; i++) {
            Cell cell = row.getCell(i);
            String v = cell == null ? "" : FORMAT.formatCellValue(cell).trim();
            values[i] = v.isEmpty() ? null : v;
        }
        return values;
    }

    /** Where a row stands in a file, as people count: {@code rows[row 3]}. */
    public static String where(String sheet, Row row) {
        return sheet + "[row " + (row.getRowNum() + 1) + "]";
    }

    /**
     * A report's first rows, as offices print them: its title in bold, then what it covers (the
     * period, the day its figures stand on). Returns the number of the row its table's header goes on.
     */
    public static int title(Sheet sheet, String title, String scope) {
        Workbook workbook = sheet.getWorkbook();
        CellStyle bold = workbook.createCellStyle();
        Font font = workbook.createFont();
        font.setBold(true);
        font.setFontHeightInPoints((short) 14);
        bold.setFont(font);
        Cell cell = sheet.createRow(0).createCell(0);
        cell.setCellValue(title);
        cell.setCellStyle(bold);
        sheet.createRow(1).createCell(0).setCellValue(scope);
        return 2;
    }

    public static void header(Sheet sheet, String... headers) {
        header(sheet, 0, headers);
    }

    /** A header on the given row, below a title and whatever a report says above its table. */
    public static void header(Sheet sheet, int rowNum, String... headers) {
        Row row = sheet.createRow(rowNum);
        for (int i = 0; i < headers.length; i++) {
            row.createCell(i).setCellValue(headers[i]);
            sheet.setColumnWidth(i, 20 * 256);
        }
    }

    /**
     * A report as offices file it, in one language: its title in bold on the first row, the period and
     * whatever else limits the figures on the second, the header on the third, then a row per line.
     * Numbers are written as numbers, so that the sheet sums them; anything else as text, null as empty.
     */
    public static byte[] report(String sheetName, String title, String period, String[] headers,
            List<Object[]> rows) {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Sheet sheet = workbook.createSheet(sheetName);
            int head = title(sheet, title, period);
            header(sheet, head, headers);
            int r = head + 1;
            for (Object[] values : rows) {
                Row row = sheet.createRow(r++);
                for (int i = 0; i < values.length; i++) {
                    if (values[i] instanceof Number n) {
                        row.createCell(i).setCellValue(n.doubleValue());
                    } else {
                        row.createCell(i).setCellValue(values[i] == null ? "" : values[i].toString());
                    }
                }
            }
            return bytes(workbook);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] bytes(Workbook workbook) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
