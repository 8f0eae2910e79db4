package org.imisfhir.programme.mpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.imisfhir.programme.mpi.MpiFixtures.INSURANCE_NUMBER;
import static org.imisfhir.programme.mpi.MpiFixtures.VILLAGE_1;
import static org.imisfhir.programme.mpi.MpiFixtures.name;
import static org.imisfhir.programme.mpi.MpiFixtures.number;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Group;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StringType;
import org.imisfhir.audit.AuditEventMapper;
import org.imisfhir.audit.AuditTrail;
import org.imisfhir.support.Fixtures;
import org.imisfhir.support.HttpTestBase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Merging two insurees found to be one person: numbers, policies, claims and family move; links; preview. */
class InsureeMergeHttpTest extends HttpTestBase {

	@Autowired
	AuditTrail auditTrail;

	/** A family enrolled on PMTA0001 whose head and a member are the same woman registered twice. */
	record Family(String group, String head, String headNumber, String duplicate, String duplicateNumber, String policy) {}

	@Test
	void theSurvivorTakesNumbersPoliciesClaimsAndTheHeadRoleAndPreviewWritesNothing() throws Exception {
		Family family = enrol(true);
		String claim = enterClaim(family.head(), family.policy());
		Map<String, String> versions = versions(family.group(), family.head(), family.duplicate(), family.policy(), claim);

		Parameters preview = merge(family.head(), family.duplicate(), true);
		assertThat(((BooleanType) preview.getParameter("preview").getValue()).booleanValue()).isTrue();
		assertThat(moved(preview)).contains(family.policy() + " Coverage.beneficiary", claim + " Claim.patient",
				family.group() + " Group.member");
		Patient wouldSurvive = (Patient) preview.getParameter("result").getResource();
		assertThat(numbers(wouldSurvive)).contains(INSURANCE_NUMBER + "|" + family.headNumber() + "|old");
		assertThat(versions(family.group(), family.head(), family.duplicate(), family.policy(), claim)).isEqualTo(versions);

		Parameters done = merge(family.head(), family.duplicate(), false);
		assertThat(((BooleanType) done.getParameter("preview").getValue()).booleanValue()).isFalse();

		Patient survivor = read(Patient.class, family.duplicate());
		Patient retired = read(Patient.class, family.head());
		assertThat(numbers(survivor)).contains(INSURANCE_NUMBER + "|" + family.duplicateNumber() + "|null",
				INSURANCE_NUMBER + "|" + family.headNumber() + "|old");
		assertThat(retired.getActive()).isFalse();
		assertThat(retired.getLink()).singleElement().satisfies(link -> {
			assertThat(link.getType()).isEqualTo(Patient.LinkType.REPLACEDBY);
			assertThat(link.getOther().getReference()).isEqualTo(family.duplicate());
		});
		assertThat(survivor.getLink()).singleElement().satisfies(link -> {
			assertThat(link.getType()).isEqualTo(Patient.LinkType.REPLACES);
			assertThat(link.getOther().getReference()).isEqualTo(family.head());
		});
		assertThat(isHead(survivor)).isTrue();
		assertThat(isHead(retired)).isFalse();
		assertThat(read(Coverage.class, family.policy()).getBeneficiary().getReference()).isEqualTo(family.duplicate());
		assertThat(read(Coverage.class, family.policy()).getPolicyHolder().getReference()).isEqualTo(family.duplicate());
		assertThat(read(Claim.class, claim).getPatient().getReference()).isEqualTo(family.duplicate());
		Group group = read(Group.class, family.group());
		assertThat(group.getMember()).filteredOn(m -> !m.getInactive()).extracting(m -> m.getEntity().getReference())
				.containsExactly(family.duplicate());

		// both records answer to the old number; the cross-reference answers for the survivor
		assertThat(client.search().forResource(Patient.class)
				.where(Patient.IDENTIFIER.exactly().systemAndIdentifier(INSURANCE_NUMBER, family.headNumber()))
				.returnBundle(Bundle.class).execute().getEntry()).hasSize(2);
		HttpResponse<String> pix = get("/fhir/Patient/$ihe-pix?sourceIdentifier=" + INSURANCE_NUMBER + "%7C" + family.headNumber());
		assertThat(pix.statusCode()).isEqualTo(200);
		assertThat(fhirContext.newJsonParser().parseResource(Parameters.class, pix.body()).getParameters("targetId"))
				.extracting(p -> ((Reference) p.getValue()).getReference()).containsExactly(family.duplicate());

		HttpResponse<String> again = postJson("/fhir/Patient/$merge-insuree", body(family.head(), family.duplicate(), false),
				"Accept-Language", "fr");
		assertThat(again.statusCode()).isEqualTo(409);
		assertThat(again.body()).contains("merge-source-already-merged").contains("déjà été fusionné");
		assertThat(postJson("/fhir/Patient/$merge-insuree", body(family.group().replace("Group", "Patient"), family.head(), false))
				.statusCode()).isIn(404, 409, 422);

		assertThat(auditTrail.flush(20_000)).isTrue();
		Bundle events = client.search().forResource(AuditEvent.class)
				.where(AuditEvent.SUBTYPE.exactly().systemAndCode(AuditEventMapper.OPERATION_SYSTEM, "Patient/$merge-insuree"))
				.sort().descending("date").count(50).returnBundle(Bundle.class).execute();
		AuditEvent audit = events.getEntry().stream().map(e -> (AuditEvent) e.getResource())
				.filter(e -> e.getOutcome() == AuditEvent.AuditEventOutcome._0)
				.filter(e -> e.getEntity().stream().anyMatch(en -> en.getWhat().getReference() != null
						&& en.getWhat().getReference().startsWith(claim + "/_history/")))
				.findFirst().orElseThrow();
		assertThat(audit.getPurposeOfEventFirstRep().getText()).isEqualTo("registered twice");
		assertThat(audit.getEntity()).extracting(e -> e.getWhat().getReference().replaceAll("/_history/.*", ""))
				.contains(family.head(), family.duplicate(), family.policy(), claim, family.group());
	}

	@Test
	void aHeadIsNotMergedIntoAnotherFamilyButAnOrdinaryMemberIs() throws Exception {
		Family first = enrol(false);
		Family second = enrol(false);
		Map<String, String> versions = versions(first.group(), first.head(), second.head());

		HttpResponse<String> refused = postJson("/fhir/Patient/$merge-insuree", body(first.head(), second.head(), false));
		assertThat(refused.statusCode()).isEqualTo(422);
		assertThat(refused.body()).contains("merge-head-would-leave-family");
		assertThat(versions(first.group(), first.head(), second.head())).isEqualTo(versions);

		// the member of the first family is the head of the second: it leaves the first family
		merge(first.duplicate(), second.head(), false);
		assertThat(read(Group.class, first.group()).getMember()).filteredOn(m -> !m.getInactive())
				.extracting(m -> m.getEntity().getReference()).containsExactly(first.head());
		assertThat(read(Group.class, second.group()).getMember()).filteredOn(m -> !m.getInactive())
				.extracting(m -> m.getEntity().getReference()).contains(second.head());
		Patient survivor = read(Patient.class, second.head());
		assertThat(numbers(survivor)).contains(INSURANCE_NUMBER + "|" + first.duplicateNumber() + "|old");
		assertThat(isHead(survivor)).isTrue();
		assertThat(read(Patient.class, first.duplicate()).getActive()).isFalse();
	}

	private Family enrol(boolean withPolicy) {
		String headNumber = number();
		String duplicateNumber = number();
		String family = name(8);
		Parameters request = new Parameters();
		request.addParameter().setName("family").setResource(Fixtures.family(VILLAGE_1, false));
		request.addParameter().setName("member").setResource(Fixtures.insuree(headNumber, family, "Marie", "female", "1990-02-01", true, null));
		request.addParameter().setName("member").setResource(Fixtures.insuree(duplicateNumber, family, "Mari", "female", "1990-02-01", false, "8"));
		if (withPolicy) {
			request.addParameter("product", new StringType("PMTA0001"));
			request.addParameter("enrolDate", new DateType("2026-03-10"));
		}
		Bundle created = client.operation().onType("Group").named("$enrol").withParameters(request)
				.returnResourceType(Bundle.class).execute();
		String head = null;
		String duplicate = null;
		String group = null;
		String policy = null;
		for (Bundle.BundleEntryComponent entry : created.getEntry()) {
			Resource resource = entry.getResource();
			String reference = resource.fhirType() + "/" + resource.getIdElement().getIdPart();
			if (resource instanceof Patient patient) {
				if (patient.getIdentifierFirstRep().getValue().equals(headNumber)) {
					head = reference;
				} else {
					duplicate = reference;
				}
			} else if (resource instanceof Group) {
				group = reference;
			} else if (resource instanceof Coverage) {
				policy = reference;
			}
		}
		return new Family(group, head, headNumber, duplicate, duplicateNumber, policy);
	}

	private String enterClaim(String patient, String policy) {
		Claim claim = new Claim();
		claim.addIdentifier().setSystem("https://imis-fhir.org/fhir/sid/claim-code").setValue(
				"M" + UUID.randomUUID().toString().replace("-", "").substring(0, 7).toUpperCase());
		claim.setStatus(Claim.ClaimStatus.ACTIVE);
		claim.setType(new CodeableConcept(new Coding("https://openimis.github.io/openimis_fhir_r4_ig/CodeSystem/claim-visit-type", "O", "Other")));
		claim.setUse(Claim.Use.CLAIM);
		claim.setPatient(new Reference(patient));
		claim.getBillablePeriod().setStartElement(new DateTimeType("2026-08-04")).setEndElement(new DateTimeType("2026-08-04"));
		claim.setCreatedElement(new DateTimeType("2026-08-04"));
		claim.setProvider(new Reference("Organization/hf-rtdi001"));
		claim.setPriority(new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/processpriority", "normal", null)));
		claim.addInsurance().setSequence(1).setFocal(true).setCoverage(new Reference(policy));
		claim.addDiagnosis().setSequence(1).setDiagnosis(new CodeableConcept(
				new Coding("https://openimis.github.io/openimis_fhir_r4_ig/CodeSystem/diagnosis-ICD10-level1", "O80", null)));
		Claim.ItemComponent item = claim.addItem().setSequence(1);
		item.setCategory(new CodeableConcept(new Coding(
				"https://openimis.github.io/openimis_fhir_r4_ig/CodeSystem/claim-item-category", "service", null)));
		item.getProductOrService().addCoding(new Coding("https://imis-fhir.org/fhir/sid/service-code", "C11", null));
		item.getQuantity().setValue(1);
		item.setUnitPrice(new org.hl7.fhir.r4.model.Money().setValue(15000).setCurrency("XAF"));
		return "Claim/" + client.create().resource(claim).execute().getId().getIdPart();
	}

	private Parameters merge(String source, String target, boolean preview) throws Exception {
		HttpResponse<String> response = postJson("/fhir/Patient/$merge-insuree", body(source, target, preview));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return fhirContext.newJsonParser().parseResource(Parameters.class, response.body());
	}

	private static String body(String source, String target, boolean preview) {
		return """
				{"resourceType":"Parameters","parameter":[{"name":"source-patient","valueReference":{"reference":"%s"}},
				{"name":"target-patient","valueReference":{"reference":"%s"}},{"name":"preview","valueBoolean":%s},
				{"name":"reason","valueString":"registered twice"}]}""".formatted(source, target, preview);
	}

	private static List<String> moved(Parameters out) {
		return out.getParameters("moved").stream().map(p -> ((Reference) p.getPart().get(0).getValue()).getReference()
				+ " " + p.getPart().get(1).getValue().primitiveValue()).toList();
	}

	private static List<String> numbers(Patient patient) {
		return patient.getIdentifier().stream()
				.map((Identifier i) -> i.getSystem() + "|" + i.getValue() + "|" + (i.hasUse() ? i.getUse().toCode() : "null")).toList();
	}

	private static boolean isHead(Patient patient) {
		return ((BooleanType) patient.getExtensionByUrl(Fixtures.IG + "patient-is-head").getValue()).booleanValue();
	}

	private <T extends Resource> T read(Class<T> type, String reference) {
		return client.read().resource(type).withUrl(reference).execute();
	}

	private Map<String, String> versions(String... references) {
		return java.util.Arrays.stream(references).collect(Collectors.toMap(r -> r,
				r -> client.read().resource(r.substring(0, r.indexOf('/'))).withUrl(r).execute().getIdElement().getVersionIdPart()));
	}
}
