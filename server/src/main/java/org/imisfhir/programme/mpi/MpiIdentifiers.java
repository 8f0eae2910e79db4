package org.imisfhir.programme.mpi;

import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;
import org.imisfhir.enrolment.EnrolmentProfiles;
import org.imisfhir.programme.ProgrammeProperties;
import org.imisfhir.programme.mpi.rules.IdentifierLinkRule;
import org.imisfhir.programme.mpi.rules.MatchScorer;
import org.springframework.stereotype.Component;

/**
 * The identifiers an insuree carries (our insurance number, the national MPI number, EMR numbers), their
 * types, and the rules built from the country's MPI settings.
 */
@Component
public class MpiIdentifiers {

	/** HL7 v2-0203 identifier types, for the numbers the openIMIS IG has no type code for. */
	public static final String V2_0203 = "http://terminology.hl7.org/CodeSystem/v2-0203";
	public static final Set<String> RESERVED_SYSTEMS =
			Set.of(EnrolmentProfiles.INSURANCE_NUMBER_SYSTEM, EnrolmentProfiles.FAMILY_CODE_SYSTEM);

	private final ProgrammeProperties.Mpi settings;
	private final IdentifierLinkRule linkRule;
	private final MatchScorer scorer;

	public MpiIdentifiers(ProgrammeProperties properties) {
		this.settings = properties.getMpi();
		this.linkRule = new IdentifierLinkRule(settings.getSystem(), settings.getNumberPattern(), RESERVED_SYSTEMS);
		this.scorer = new MatchScorer(Set.of(settings.getSystem(), EnrolmentProfiles.INSURANCE_NUMBER_SYSTEM));
	}

	public String mpiSystem() {
		return settings.getSystem();
	}

	public ProgrammeProperties.Mpi settings() {
		return settings;
	}

	public IdentifierLinkRule linkRule() {
		return linkRule;
	}

	public MatchScorer scorer() {
		return scorer;
	}

	/** A linked number: the national MPI number official with type NI, an EMR's number secondary with type MR. */
	public Identifier linked(String system, String value) {
		String type = linkRule.typeCode(system);
		return new Identifier()
				.setUse(system.equals(mpiSystem()) ? Identifier.IdentifierUse.OFFICIAL : Identifier.IdentifierUse.SECONDARY)
				.setType(new CodeableConcept(new Coding(V2_0203, type, "NI".equals(type) ? "National unique individual identifier" : "Medical record number")))
				.setSystem(system)
				.setValue(value);
	}

	public static Optional<Identifier> find(Patient patient, String system, String value) {
		return patient.getIdentifier().stream()
				.filter(i -> system.equals(i.getSystem()) && value.equals(i.getValue()))
				.findFirst();
	}

	/** The survivor a merged record points to (Patient.link replaced-by), if it was merged. */
	public static Optional<String> replacedBy(Patient patient) {
		return patient.getLink().stream()
				.filter(l -> l.getType() == Patient.LinkType.REPLACEDBY && l.getOther().hasReference())
				.map(l -> l.getOther().getReferenceElement().toUnqualifiedVersionless().getValue())
				.findFirst();
	}
}
