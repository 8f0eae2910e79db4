package org.imisfhir.programme.mpi;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.annotation.OperationParam;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Group;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Location;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.imisfhir.app.ImisOperationProvider;
import org.imisfhir.enrolment.EnrolmentProfiles;
import org.imisfhir.outcome.ImisRuleException;
import org.imisfhir.programme.ProgrammeViolation;
import org.imisfhir.programme.mpi.rules.MatchGrade;
import org.imisfhir.programme.mpi.rules.MatchScore;
import org.imisfhir.programme.mpi.rules.MatchSubject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * FHIR's {@code Patient/$match}: an MPI or EMR describes a person and gets our insurees that may be that
 * person, best first, each with its score (Bundle.entry.search.score) and match-grade extension.
 */
@Component
public class PatientMatchProvider implements ImisOperationProvider {

	private static final Logger LOG = LoggerFactory.getLogger(PatientMatchProvider.class);

	private final DaoRegistry daos;
	private final MatchCandidates candidates;
	private final MpiIdentifiers identifiers;

	public PatientMatchProvider(DaoRegistry daos, MatchCandidates candidates, MpiIdentifiers identifiers) {
		this.daos = daos;
		this.candidates = candidates;
		this.identifiers = identifiers;
	}

	@Operation(name = "$match", type = Patient.class, idempotent = false)
	public Bundle match(
			@OperationParam(name = "resource", min = 1, max = 1) Patient resource,
			@OperationParam(name = "onlyCertainMatches", max = 1) BooleanType onlyCertainMatches,
			@OperationParam(name = "count", max = 1) IntegerType count,
			RequestDetails request) {
		if (resource == null) {
			throw ImisRuleException.businessRule(ProgrammeViolation.MPI_MATCH_RESOURCE_REQUIRED);
		}
		int max = identifiers.settings().getMaxCount();
		int wanted = count == null || count.getValue() == null ? identifiers.settings().getDefaultCount() : count.getValue();
		if (wanted < 1 || wanted > max) {
			throw ImisRuleException.businessRule(ProgrammeViolation.MPI_MATCH_COUNT, max);
		}
		boolean certainOnly = onlyCertainMatches != null && Boolean.TRUE.equals(onlyCertainMatches.getValue());

		Map<String, String> villageNames = new HashMap<>();
		Map<String, String> familyVillages = new HashMap<>();
		MatchSubject input = MatchSubjects.of(resource, id -> villageName(id, villageNames));
		List<Patient> found = candidates.find(resource, request);
		record Scored(Patient patient, MatchScore score) {}
		List<Scored> ranked = found.stream()
				.map(p -> new Scored(p, identifiers.scorer().score(input, subject(p, villageNames, familyVillages))))
				.filter(s -> s.score().score() >= identifiers.settings().getMinimumScore())
				.filter(s -> !certainOnly || s.score().grade() == MatchGrade.CERTAIN)
				.sorted(Comparator.comparingDouble((Scored s) -> s.score().score()).reversed()
						.thenComparing(s -> s.patient().getIdElement().getIdPart()))
				.limit(wanted)
				.toList();

		Bundle bundle = new Bundle().setType(Bundle.BundleType.SEARCHSET);
		bundle.setTotal(ranked.size());
		for (Scored scored : ranked) {
			Bundle.BundleEntryComponent entry = bundle.addEntry();
			String id = scored.patient().getIdElement().toUnqualifiedVersionless().getValue();
			entry.setFullUrl(request.getFhirServerBase() + "/" + id);
			entry.setResource(scored.patient());
			entry.getSearch().setMode(Bundle.SearchEntryMode.MATCH).setScore(scored.score().score());
			entry.getSearch().addExtension(new Extension(MatchGrade.EXTENSION, new CodeType(scored.score().grade().code())));
		}
		LOG.info("$match: {} candidate(s) scored, {} returned{}", found.size(), ranked.size(),
				ranked.isEmpty() ? "" : ", best " + ranked.get(0).score().score() + " " + ranked.get(0).score().grade().code());
		return bundle;
	}

	private MatchSubject subject(Patient patient, Map<String, String> villageNames, Map<String, String> familyVillages) {
		if (MatchSubjects.village(patient) != null) {
			return MatchSubjects.of(patient, id -> villageName(id, villageNames));
		}
		// an insuree without an own address lives in the family's village
		String village = familyVillage(patient, familyVillages);
		MatchSubject own = MatchSubjects.of(patient, id -> null);
		return village == null ? own : new MatchSubject(own.identifiers(), own.family(), own.given(), own.birthDate(),
				own.gender(), village, villageName(village, villageNames));
	}

	private String familyVillage(Patient patient, Map<String, String> cache) {
		Extension family = patient.getExtensionByUrl(EnrolmentProfiles.GROUP_REFERENCE);
		if (family == null || !(family.getValue() instanceof Reference reference) || !reference.hasReference()) {
			return null;
		}
		return cache.computeIfAbsent(reference.getReferenceElement().getIdPart(), groupId -> {
			try {
				Group group = daos.getResourceDao(Group.class).read(new org.hl7.fhir.r4.model.IdType("Group", groupId),
						new SystemRequestDetails());
				Extension address = group.getExtensionByUrl(EnrolmentProfiles.GROUP_ADDRESS);
				if (address != null && address.getValue() instanceof org.hl7.fhir.r4.model.Address value) {
					Extension village = value.getExtensionByUrl(EnrolmentProfiles.ADDRESS_LOCATION);
					if (village != null && village.getValue() instanceof Reference villageRef) {
						return villageRef.getReferenceElement().getIdPart();
					}
				}
			} catch (BaseServerResponseException gone) {
				// a family that cannot be read gives no village
			}
			return null;
		});
	}

	private String villageName(String locationId, Map<String, String> cache) {
		return cache.computeIfAbsent(locationId, id -> {
			try {
				return daos.getResourceDao(Location.class).read(new org.hl7.fhir.r4.model.IdType("Location", id),
						new SystemRequestDetails()).getName();
			} catch (BaseServerResponseException gone) {
				return null;
			}
		});
	}
}
