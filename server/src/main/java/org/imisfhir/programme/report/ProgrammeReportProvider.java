package org.imisfhir.programme.report;

import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.annotation.OperationParam;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Binary;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.MeasureReport;
import org.hl7.fhir.r4.model.StringType;
import org.imisfhir.app.ImisOperationProvider;
import org.imisfhir.app.ImisProperties;
import org.imisfhir.outcome.ErrorCode;
import org.imisfhir.outcome.ImisRuleException;
import org.imisfhir.programme.Programmes;
import org.imisfhir.programme.report.ProgrammeReportReader.Facility;
import org.imisfhir.programme.report.rules.ProgrammeFacts;
import org.imisfhir.programme.report.rules.ProgrammeFigures;
import org.imisfhir.programme.report.rules.ProgrammeReportCalculator;
import org.imisfhir.security.CurrentUser;
import org.imisfhir.security.DistrictScope;
import org.imisfhir.security.DistrictScopeInterceptor;
import org.imisfhir.security.ImisUser;
import org.imisfhir.security.SecurityViolation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * {@code MeasureReport/$programme-report}: a country programme's month, per health facility and for the
 * programme (Measure {@value ProgrammeReports#MEASURE}), as a Bundle of MeasureReports or a CSV table
 * ({@code format=csv}). A user limited to districts (or to a facility) gets the facilities of their scope only, and
 * the programme's figures as their total, without the vouchers, which belong to no facility.
 */
@Component
public class ProgrammeReportProvider implements ImisOperationProvider {

	private static final Logger log = LoggerFactory.getLogger(ProgrammeReportProvider.class);

	private final ProgrammeReportReader reader;
	private final Programmes programmes;
	private final ImisProperties properties;
	private final DistrictScopeInterceptor districtScope;

	public ProgrammeReportProvider(ProgrammeReportReader reader, Programmes programmes, ImisProperties properties,
			DistrictScopeInterceptor districtScope) {
		this.reader = reader;
		this.programmes = programmes;
		this.properties = properties;
		this.districtScope = districtScope;
	}

	@Operation(name = "$programme-report", type = MeasureReport.class, idempotent = true)
	public IBaseResource programmeReport(
			@OperationParam(name = "programme", min = 1, max = 1) StringType programme,
			@OperationParam(name = "period", min = 1, max = 1) StringType period,
			@OperationParam(name = "facility", min = 0, max = 1) StringType facility,
			@OperationParam(name = "format", min = 0, max = 1) StringType format) {
		String code = programme == null || programme.isEmpty() ? "" : programme.getValue().trim();
		String programmeId = programmes.idOf(code).orElseThrow(() ->
				new ImisRuleException(ErrorCode.INVALID_REQUEST, ProgrammeReportViolation.PROGRAMME_UNKNOWN, code));
		YearMonth month = month(period);
		String form = format == null || format.isEmpty() ? "fhir" : format.getValue().trim().toLowerCase();
		if (!form.equals("fhir") && !form.equals("csv")) {
			throw new ImisRuleException(ErrorCode.INVALID_REQUEST, ProgrammeReportViolation.FORMAT_UNKNOWN, format.getValue());
		}
		ImisUser user = CurrentUser.get().orElse(null);
		boolean scoped = user != null && (DistrictScope.limited(user) || districtScope.facilityOf(user) != null);
		Facility only = null;
		if (facility != null && !facility.isEmpty()) {
			only = reader.facilityByCode(facility.getValue().trim()).orElseThrow(() -> new ImisRuleException(
					ErrorCode.INVALID_REQUEST, ProgrammeReportViolation.FACILITY_UNKNOWN, facility.getValue()));
			if (scoped && !inScope(user, only.id())) {
				throw new ImisRuleException(ErrorCode.FORBIDDEN, SecurityViolation.OUT_OF_SCOPE, user.username(),
						user.districts().isEmpty() ? List.of(user.facility()) : user.districts(), "Organization/" + only.id());
			}
		}

		long started = System.nanoTime();
		Map<String, Facility> offering = reader.offering(programmeId);
		ProgrammeFacts facts = reader.read(programmeId, code, month);
		Set<String> scope = scoped ? scope(user, offering.keySet(), facts) : null;
		if (scope != null && only != null) {
			scope.add(only.id()); // checked above
		}
		Map<String, Facility> facilities = new LinkedHashMap<>(offering);
		if (only != null) {
			facilities.put(only.id(), only);
		}
		ProgrammeFigures figures = ProgrammeReportCalculator.compute(month, List.copyOf(facilities.keySet()),
				only == null ? null : only.id(), facts, scope);
		figures.facilities().keySet().forEach(id -> facilities.computeIfAbsent(id, reader::facilityById));
		Date now = new Date();
		ProgrammeReports.Context context = new ProgrammeReports.Context(programmeId, code, month,
				properties.getEnrolment().getCurrency(), now);
		log.info("Programme report {} of {} for {} facility(ies) computed in {} ms", code, month, figures.facilities().size(),
				(System.nanoTime() - started) / 1_000_000);

		if (form.equals("csv")) {
			Binary table = new Binary();
			table.setContentType("text/csv");
			table.setData(ProgrammeReports.csv(context, figures, facilities).getBytes(StandardCharsets.UTF_8));
			return table;
		}
		Bundle bundle = new Bundle().setType(Bundle.BundleType.COLLECTION);
		bundle.setTimestamp(now);
		ProgrammeReports.measureReports(context, figures, facilities).forEach(report -> bundle.addEntry().setResource(report));
		bundle.setTotal(bundle.getEntry().size());
		return bundle;
	}

	/**
	 * The facilities of the report a user limited to districts (or to a facility) may see: those offering the
	 * programme and those the month's facts name, each as the reads see it (its address's district).
	 */
	private Set<String> scope(ImisUser user, Set<String> offering, ProgrammeFacts facts) {
		Set<String> candidates = new LinkedHashSet<>(offering);
		facts.claims().forEach(claim -> candidates.add(claim.facilityId()));
		facts.enrolments().forEach(enrolment -> enrolment.beneficiaries()
				.forEach(beneficiary -> candidates.add(ProgrammeReportCalculator.attributedFacility(beneficiary))));
		candidates.remove(null);
		Set<String> scope = new HashSet<>();
		for (String id : candidates) {
			if (inScope(user, id)) {
				scope.add(id);
			}
		}
		return scope;
	}

	/** Whether the facility is within the user's districts or facility; a facility that cannot be read is not. */
	private boolean inScope(ImisUser user, String facilityId) {
		return reader.organization(facilityId).map(organization -> districtScope.visibleTo(user, organization)).orElse(false);
	}

	static YearMonth month(StringType period) {
		String value = period == null ? null : period.getValue();
		try {
			if (value != null && value.matches("\\d{4}-\\d{2}")) {
				return YearMonth.parse(value);
			}
		} catch (DateTimeParseException invalid) {
			// refused below
		}
		throw new ImisRuleException(ErrorCode.INVALID_REQUEST, ProgrammeReportViolation.PERIOD_INVALID, String.valueOf(value));
	}
}
