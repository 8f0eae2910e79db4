package org.imisfhir.security;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Patient;
import org.imisfhir.support.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Users limited to districts see and write only the families and insurees of those districts. */
class DistrictScopeTest extends TokenHttpTestBase {

	/** Rachla, a village of district R1D1 (Rapta); Mora, a village of district R2D1 (Rajo). */
	static final String RACHLA = "Location/loc-r1d1m1v1";
	static final String MORA = "Location/loc-r2d1m1v1";

	@Autowired
	FhirContext fhirContext;

	private static String familyInRapta;
	private static String memberInRapta;
	private static String familyInRajo;
	private static String memberInRajo;

	private final String rapta = issuer.token("officer-rapta", List.of("enrolment-officer"), List.of("R1D1"), null,
			TokenIssuer.ISSUER, TokenIssuer.AUDIENCE, java.time.Instant.now().plusSeconds(600), false);
	private final String rajo = issuer.token("officer-rajo", List.of("enrolment-officer"), List.of("R2D1"), null,
			TokenIssuer.ISSUER, TokenIssuer.AUDIENCE, java.time.Instant.now().plusSeconds(600), false);

	@BeforeEach
	void twoFamilies() throws Exception {
		if (familyInRapta != null) {
			return;
		}
		String clerk = issuer.token("clerk-everywhere", List.of("clerk"));
		Bundle rapta = enrol(RACHLA, clerk);
		familyInRapta = rapta.getEntry().get(0).getResource().getIdElement().getIdPart();
		memberInRapta = rapta.getEntry().get(1).getResource().getIdElement().getIdPart();
		Bundle rajo = enrol(MORA, clerk);
		familyInRajo = rajo.getEntry().get(0).getResource().getIdElement().getIdPart();
		memberInRajo = rajo.getEntry().get(1).getResource().getIdElement().getIdPart();
	}

	@Test
	void readsOutsideTheDistrictsAreRefused() throws Exception {
		assertThat(send("GET", "/fhir/Group/" + familyInRapta, null, rapta).statusCode()).isEqualTo(200);
		assertThat(send("GET", "/fhir/Patient/" + memberInRapta, null, rapta).statusCode()).isEqualTo(200);

		HttpResponse<String> family = send("GET", "/fhir/Group/" + familyInRajo, null, rapta);
		assertThat(family.statusCode()).isEqualTo(403);
		assertThat(family.body()).contains("\"code\":\"out-of-scope\"");
		assertThat(send("GET", "/fhir/Patient/" + memberInRajo, null, rapta).statusCode()).isEqualTo(403);
		assertThat(send("GET", "/fhir/Group/" + familyInRajo, null, rajo).statusCode()).isEqualTo(200);
		assertThat(send("GET", "/fhir/Group/" + familyInRapta, null, rajo).statusCode()).isEqualTo(403);
	}

	@Test
	void searchesOnlyFindTheDistrictsResources() throws Exception {
		assertThat(ids("Group?_id=" + familyInRapta + "," + familyInRajo, rapta)).containsExactly(familyInRapta);
		assertThat(ids("Patient?_id=" + memberInRapta + "," + memberInRajo, rapta)).containsExactly(memberInRapta);
		assertThat(ids("Patient?family-group=Group/" + familyInRajo, rapta)).isEmpty();
		assertThat(ids("Patient?_count=500", rajo)).contains(memberInRajo).doesNotContain(memberInRapta);
	}

	@Test
	void includesHistoryAndPagesLeakNothing() throws Exception {
		assertThat(ids("Location?_id=loc-r2d1m1v1&_revinclude=Group:village", rapta)).containsExactly("loc-r2d1m1v1");
		assertThat(ids("Group?_id=" + familyInRapta + "," + familyInRajo + "&_include=Group:member", rapta))
				.contains(familyInRapta, memberInRapta).doesNotContain(familyInRajo, memberInRajo);
		assertThat(send("GET", "/fhir/Group/" + familyInRajo + "/_history", null, rapta).statusCode()).isEqualTo(403);
		assertThat(ids("Group/" + familyInRapta + "/_history", rapta)).isNotEmpty();
		assertThat(ids("Group?_count=1", rapta)).hasSizeLessThanOrEqualTo(1);
	}

	@Test
	void writesOutsideTheDistrictsAreRefused() throws Exception {
		HttpResponse<String> outside = send("POST", "/fhir/Group/$enrol", enrolment(MORA), rapta);
		assertThat(outside.statusCode()).isEqualTo(403);
		assertThat(outside.body()).contains("\"code\":\"out-of-scope\"");

		assertThat(send("POST", "/fhir/Group/$enrol", enrolment(RACHLA), rapta).statusCode()).isEqualTo(200);
	}

	@Test
	void facilityUsersSearchTheirFacilitysClaims() throws Exception {
		String claimAdministrator = issuer.token("claims-rapta", List.of("claim-administrator"), List.of("R1D1"), "RTHC001",
				TokenIssuer.ISSUER, TokenIssuer.AUDIENCE, java.time.Instant.now().plusSeconds(600), false);

		assertThat(ids("Claim?_count=5", claimAdministrator)).isEmpty();
	}

	private Bundle enrol(String village, String token) throws Exception {
		HttpResponse<String> response = send("POST", "/fhir/Group/$enrol", enrolment(village), token);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return fhirContext.newJsonParser().parseResource(Bundle.class, response.body());
	}

	private String enrolment(String village) {
		String number = "9" + UUID.randomUUID().toString().replaceAll("[^0-9]", "").substring(0, 7);
		Patient head = Fixtures.insuree(number, "Scope", "Head", "male", "1980-01-01", true, null);
		Parameters parameters = new Parameters();
		parameters.addParameter().setName("family").setResource(Fixtures.family(village, false));
		parameters.addParameter().setName("member").setResource(head);
		return fhirContext.newJsonParser().encodeResourceToString(parameters);
	}

	private List<String> ids(String query, String token) throws Exception {
		HttpResponse<String> response = send("GET", "/fhir/" + query, null, token);
		assertThat(response.statusCode()).as(query + ": " + response.body()).isEqualTo(200);
		Bundle bundle = fhirContext.newJsonParser().parseResource(Bundle.class, response.body());
		return bundle.getEntry().stream()
				.filter(entry -> entry.getResource() != null)
				.map(entry -> entry.getResource().getIdElement().getIdPart())
				.toList();
	}

}
