package org.imisfhir.programme.mpi;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.param.DateParam;
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.ParamPrefixEnum;
import ca.uhn.fhir.rest.param.StringParam;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import ca.uhn.fhir.rest.param.TokenParam;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Finds the insurees worth scoring for a $match, through indexed searches only: by any of the identifiers
 * given, by birth date (the date, the date with day and month swapped, or the year), and by the sound of the
 * family name and of the first given name (search parameter name-phonetic, Double Metaphone). Each search
 * brings at most the configured candidate limit. Records merged into another are left out.
 */
@Component
class MatchCandidates {

	static final String NAME_PHONETIC = "name-phonetic";
	private static final Logger LOG = LoggerFactory.getLogger(MatchCandidates.class);

	private final DaoRegistry daos;
	private final MpiIdentifiers identifiers;

	MatchCandidates(DaoRegistry daos, MpiIdentifiers identifiers) {
		this.daos = daos;
		this.identifiers = identifiers;
	}

	List<Patient> find(Patient input, RequestDetails request) {
		Map<String, Patient> found = new LinkedHashMap<>();
		TokenOrListParam anyIdentifier = new TokenOrListParam();
		for (Identifier identifier : input.getIdentifier()) {
			if (identifier.hasSystem() && identifier.hasValue()) {
				anyIdentifier.addOr(new TokenParam(identifier.getSystem(), identifier.getValue()));
			}
		}
		if (!anyIdentifier.getValuesAsQueryTokens().isEmpty()) {
			search("identifier", map().add("identifier", anyIdentifier), request, found);
		}
		String birthDate = input.hasBirthDateElement() ? input.getBirthDateElement().getValueAsString() : null;
		if (birthDate != null && birthDate.length() == 10) {
			search("birthdate", map().add("birthdate", new DateParam(ParamPrefixEnum.EQUAL, birthDate)), request, found);
			String swapped = swapped(birthDate);
			if (swapped != null) {
				search("birthdate swapped", map().add("birthdate", new DateParam(ParamPrefixEnum.EQUAL, swapped)), request, found);
			}
		} else if (birthDate != null && birthDate.length() >= 4) {
			String year = birthDate.substring(0, 4);
			search("birth year", map().add("birthdate", new DateRangeParam(year + "-01-01", year + "-12-31")), request, found);
		}
		HumanName name = MatchSubjects.officialName(input);
		if (name != null && name.hasFamily()) {
			search("family sound", map().add(NAME_PHONETIC, new StringParam(name.getFamily())), request, found);
		}
		if (name != null && name.hasGiven()) {
			search("given sound", map().add(NAME_PHONETIC, new StringParam(name.getGiven().get(0).getValue())), request, found);
		}
		List<Patient> candidates = new ArrayList<>();
		for (Patient patient : found.values()) {
			if (MpiIdentifiers.replacedBy(patient).isEmpty()) {
				candidates.add(patient);
			}
		}
		return candidates;
	}

	private SearchParameterMap map() {
		int limit = identifiers.settings().getCandidateLimit();
		SearchParameterMap map = SearchParameterMap.newSynchronous();
		map.setLoadSynchronousUpTo(limit);
		map.setCount(limit);
		return map;
	}

	private void search(String what, SearchParameterMap map, RequestDetails request, Map<String, Patient> found) {
		List<IBaseResource> resources = daos.getResourceDao(Patient.class).search(map, request).getAllResources();
		LOG.debug("$match candidates by {}: {}", what, resources.size());
		for (IBaseResource resource : resources) {
			Patient patient = (Patient) resource;
			found.putIfAbsent(patient.getIdElement().getIdPart(), patient);
		}
	}

	/** The date with day and month swapped, when that is another valid date. */
	static String swapped(String date) {
		String month = date.substring(5, 7);
		String day = date.substring(8, 10);
		if (month.equals(day) || Integer.parseInt(day) > 12) {
			return null;
		}
		String candidate = date.substring(0, 4) + "-" + day + "-" + month;
		try {
			java.time.LocalDate.parse(candidate);
			return candidate;
		} catch (java.time.format.DateTimeParseException e) {
			return null;
		}
	}
}
