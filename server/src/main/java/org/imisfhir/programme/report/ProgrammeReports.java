package org.imisfhir.programme.report;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.MeasureReport;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.imisfhir.programme.Programmes;
import org.imisfhir.programme.report.ProgrammeReportReader.Facility;
import org.imisfhir.programme.report.rules.ProgrammeFigures;
import org.imisfhir.programme.report.rules.ProgrammeIndicator;
import org.imisfhir.registry.RegistryProfiles;

/**
 * A programme's month as summary MeasureReports of Measure {@value #MEASURE} (one per facility, reporter the
 * facility, and one for the programme, without reporter), each naming the programme with the programme
 * extension, one group per indicator (code from {@link ProgrammeIndicator#SYSTEM}); or as a CSV table with one
 * row per facility and a last row for the programme.
 */
public final class ProgrammeReports {

	public static final String MEASURE = "https://imis-fhir.org/fhir/Measure/imis-programme-monthly";
	public static final String CURRENCY_SYSTEM = "urn:iso:std:iso:4217";
	/** The CSV columns before the indicators' (whose headers are the indicator codes). */
	public static final List<String> CSV_LEADING_COLUMNS = List.of("programme", "period", "level", "facility_code", "facility_name");

	private ProgrammeReports() {}

	/** Where a report comes from: the programme, its month and the scheme currency. */
	public record Context(String programmeId, String programmeCode, YearMonth month, String currency, Date generated) {}

	public static List<MeasureReport> measureReports(Context context, ProgrammeFigures figures, Map<String, Facility> facilities) {
		List<MeasureReport> reports = new ArrayList<>();
		figures.facilities().forEach((id, values) -> {
			Facility facility = facilities.get(id);
			MeasureReport report = report(context, values, true);
			report.setReporter(new Reference("Organization/" + id)
					.setIdentifier(new Identifier().setSystem(RegistryProfiles.FACILITY_CODE_SYSTEM).setValue(facility.code()))
					.setDisplay(facility.name()));
			reports.add(report);
		});
		reports.add(report(context, figures.programme(), false));
		return reports;
	}

	private static MeasureReport report(Context context, ProgrammeFigures.Figures values, boolean facility) {
		MeasureReport report = new MeasureReport();
		report.addExtension(Programmes.PROGRAMME_EXTENSION,
				new Reference("PlanDefinition/" + context.programmeId()).setDisplay(context.programmeCode()));
		report.setStatus(MeasureReport.MeasureReportStatus.COMPLETE);
		report.setType(MeasureReport.MeasureReportType.SUMMARY);
		report.setMeasure(MEASURE);
		report.setDateElement(new DateTimeType(context.generated()));
		report.setPeriod(new Period()
				.setStartElement(new DateTimeType(context.month().atDay(1).toString()))
				.setEndElement(new DateTimeType(context.month().atEndOfMonth().toString())));
		for (ProgrammeIndicator indicator : ProgrammeIndicator.values()) {
			if ((facility && !indicator.perFacility()) || values.get(indicator) == null) {
				continue;
			}
			report.addGroup()
					.setCode(new CodeableConcept(new Coding(ProgrammeIndicator.SYSTEM, indicator.code(), null)))
					.setMeasureScore(quantity(indicator, values.get(indicator), context.currency()));
		}
		return report;
	}

	private static Quantity quantity(ProgrammeIndicator indicator, BigDecimal value, String currency) {
		if (indicator.money()) {
			return new Quantity().setValue(money(value)).setSystem(CURRENCY_SYSTEM).setCode(currency).setUnit(currency);
		}
		return new Quantity().setValue(value).setSystem("http://unitsofmeasure.org").setCode("1").setUnit("1");
	}

	/** An amount to the scheme currency's minor unit (2 decimals, rule decision 8). */
	private static BigDecimal money(BigDecimal value) {
		return value.setScale(2, RoundingMode.HALF_UP);
	}

	/** The CSV table: header, a row per facility (voucher columns empty), the programme's row (facility empty). */
	public static String csv(Context context, ProgrammeFigures figures, Map<String, Facility> facilities) {
		List<String> header = new ArrayList<>(CSV_LEADING_COLUMNS);
		for (ProgrammeIndicator indicator : ProgrammeIndicator.values()) {
			header.add(indicator.code());
		}
		StringWriter out = new StringWriter();
		try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(header.toArray(String[]::new)).build())) {
			for (Map.Entry<String, ProgrammeFigures.Figures> row : figures.facilities().entrySet()) {
				Facility facility = facilities.get(row.getKey());
				printer.printRecord(cells(context, "facility", facility.code(), facility.name(), row.getValue(), true));
			}
			printer.printRecord(cells(context, "programme", "", "", figures.programme(), false));
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return out.toString();
	}

	private static List<String> cells(Context context, String level, String code, String name, ProgrammeFigures.Figures values,
			boolean facility) {
		List<String> cells = new ArrayList<>(List.of(context.programmeCode(), context.month().toString(), level, code, name));
		for (ProgrammeIndicator indicator : ProgrammeIndicator.values()) {
			BigDecimal value = values.get(indicator);
			cells.add((facility && !indicator.perFacility()) || value == null ? "" : (indicator.money() ? money(value) : value).toPlainString());
		}
		return cells;
	}
}
