package org.imisfhir.hmis;

import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.annotation.OperationParam;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Binary;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.MeasureReport;
import org.hl7.fhir.r4.model.StringType;
import org.imisfhir.app.ImisOperationProvider;
import org.imisfhir.app.ImisProperties;
import org.imisfhir.hmis.rules.DistrictIndicators;
import org.imisfhir.hmis.rules.HmisIndicatorCalculator;
import org.imisfhir.outcome.ErrorCode;
import org.imisfhir.outcome.ImisRuleException;
import org.imisfhir.security.CurrentUser;
import org.imisfhir.security.DistrictScope;
import org.imisfhir.security.ImisUser;
import org.imisfhir.security.LocationTree;
import org.imisfhir.security.LocationTreeCache;
import org.imisfhir.security.SecurityViolation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * {@code MeasureReport/$hmis-indicators}: the HMIS feed of one month, a summary MeasureReport per district
 * (Measure {@value MeasureReports#MEASURE}), or the same figures as a DHIS2 {@code dataValueSets} document
 * ({@code output=dhis2}). A user limited to districts gets theirs only.
 */
@Component
public class HmisIndicatorProvider implements ImisOperationProvider {

	private static final Logger log = LoggerFactory.getLogger(HmisIndicatorProvider.class);

	private final HmisFactsReader reader;
	private final LocationTreeCache locations;
	private final ImisProperties properties;

	public HmisIndicatorProvider(HmisFactsReader reader, LocationTreeCache locations, ImisProperties properties) {
		this.reader = reader;
		this.locations = locations;
		this.properties = properties;
	}

	@Operation(name = "$hmis-indicators", type = MeasureReport.class, idempotent = true)
	public IBaseResource hmisIndicators(
			@OperationParam(name = "period", min = 1, max = 1) StringType period,
			@OperationParam(name = "district", min = 0, max = OperationParam.MAX_UNLIMITED) List<StringType> district,
			@OperationParam(name = "output", min = 0, max = 1) StringType output) {
		YearMonth month = month(period);
		String form = output == null || output.isEmpty() ? "measurereport" : output.getValue();
		if (!form.equals("measurereport") && !form.equals("dhis2")) {
			throw new ImisRuleException(ErrorCode.INVALID_REQUEST, HmisViolation.OUTPUT_UNKNOWN, form);
		}
		LocationTree tree = locations.tree();
		Map<String, String> districts = districts(tree, district == null ? List.of() : district);

		long started = System.nanoTime();
		Map<String, DistrictIndicators> figures =
				HmisIndicatorCalculator.compute(month, districts.keySet(), reader.read(month, districts.keySet(), tree));
		Date now = new Date();
		List<MeasureReport> reports = new ArrayList<>();
		figures.forEach((id, indicators) -> reports.add(
				MeasureReports.of(month, id, districts.get(id), indicators, properties.getEnrolment().getCurrency(), now)));
		log.info("HMIS indicators of {} for {} district(s) computed in {} ms", month, reports.size(),
				(System.nanoTime() - started) / 1_000_000);

		if (form.equals("dhis2")) {
			Binary document = new Binary();
			document.setContentType("application/json");
			document.setData(Dhis2DataValueSet.of(reports).getBytes(StandardCharsets.UTF_8));
			return document;
		}
		Bundle bundle = new Bundle().setType(Bundle.BundleType.COLLECTION);
		bundle.setTimestamp(now);
		reports.forEach(report -> bundle.addEntry().setResource(report));
		bundle.setTotal(reports.size());
		return bundle;
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
		throw new ImisRuleException(ErrorCode.INVALID_REQUEST, HmisViolation.PERIOD_INVALID, String.valueOf(value));
	}

	/** District id to code: those asked for (codes), else every district, within the user's districts. */
	private static Map<String, String> districts(LocationTree tree, List<StringType> asked) {
		ImisUser user = CurrentUser.get().orElse(null);
		Set<String> allowed = DistrictScope.limited(user) ? tree.districtIds(user.districts()) : null;
		Map<String, String> districts = new LinkedHashMap<>();
		if (asked.isEmpty()) {
			for (LocationTree.Node node : tree.districts()) {
				if (allowed == null || allowed.contains(node.id())) {
					districts.put(node.id(), node.code());
				}
			}
			return districts;
		}
		for (String code : new LinkedHashSet<>(asked.stream().map(StringType::getValue).toList())) {
			Optional<String> id = tree.districtIds(List.of(String.valueOf(code))).stream().findFirst();
			if (id.isEmpty()) {
				throw new ImisRuleException(ErrorCode.INVALID_REQUEST, HmisViolation.DISTRICT_UNKNOWN, code);
			}
			if (allowed != null && !allowed.contains(id.get())) {
				throw new ImisRuleException(ErrorCode.FORBIDDEN, SecurityViolation.OUT_OF_SCOPE,
						user.username(), user.districts(), "Location/" + id.get());
			}
			districts.put(id.get(), code);
		}
		return districts;
	}
}
