package org.imisfhir.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.Attachment;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.ClaimResponse;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Group;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Parameters.ParametersParameterComponent;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.StringType;
import org.imisfhir.support.HttpTestBase;
import org.junit.jupiter.api.Test;

/**
 * The openIMIS migration over HTTP: the crafted export of src/test/resources/migration (5 current locations and
 * 2 bad ones, 2 facilities and a bad one, items, services, two price lists, 2 products and a bad one, 3 families
 * with 6 insurees and a family refused with its 2 insurees, policies, premiums, 2 claims with their lines and one
 * on a refused insuree) is imported, then imported again: the second time every loaded row is unchanged.
 * Codes carry a tag unique to the run ({U} in the files) so the test is independent of other data.
 */
class LegacyMigrationHttpTest extends HttpTestBase {

	private static final List<String> TABLES = List.of(
			"tblLocations", "tblHF", "tblItems", "tblServices", "tblPLServices", "tblPLServicesDetail", "tblPLItems",
			"tblPLItemsDetail", "tblProduct", "tblProductServices", "tblProductItems", "tblFamilies", "tblInsuree",
			"tblPolicy", "tblPremium", "tblICDCodes", "tblClaim", "tblClaimServices", "tblClaimItems");

	@Test
	void importsTheExportWithItsReportAndReconciliationThenFindsEverythingUnchanged() {
		String tag = UUID.randomUUID().toString().replace("-", "").substring(0, 4).toUpperCase();
		String database = "t" + tag.toLowerCase();

		Parameters first = importExport(tag, database, "en");

		// table: read, history, created, updated, unchanged, refused
		assertCounts(first, "tblLocations", 8, 1, 5, 0, 0, 2);
		assertCounts(first, "tblHF", 3, 0, 2, 0, 0, 1);
		assertCounts(first, "tblItems", 3, 1, 2, 0, 0, 0);
		assertCounts(first, "tblServices", 3, 0, 2, 0, 0, 1);
		assertCounts(first, "tblPLServices", 1, 0, 1, 0, 0, 0);
		assertCounts(first, "tblPLServicesDetail", 3, 1, 2, 0, 0, 0);
		assertCounts(first, "tblPLItems", 1, 0, 1, 0, 0, 0);
		assertCounts(first, "tblPLItemsDetail", 2, 0, 2, 0, 0, 0);
		assertCounts(first, "tblProduct", 3, 0, 2, 0, 0, 1);
		assertCounts(first, "tblProductServices", 2, 0, 2, 0, 0, 0);
		assertCounts(first, "tblProductItems", 2, 0, 2, 0, 0, 0);
		assertCounts(first, "tblFamilies", 4, 0, 3, 0, 0, 1);
		assertCounts(first, "tblInsuree", 9, 1, 6, 0, 0, 2);
		assertCounts(first, "tblPolicy", 4, 0, 3, 0, 0, 1);
		assertCounts(first, "tblPremium", 5, 0, 4, 0, 0, 1);
		assertCounts(first, "tblICDCodes", 2, 0, 0, 0, 0, 0);
		assertCounts(first, "tblClaim", 3, 0, 2, 0, 0, 1);
		assertCounts(first, "tblClaimServices", 3, 0, 2, 0, 0, 1);
		assertCounts(first, "tblClaimItems", 2, 0, 2, 0, 0, 0);

		// refused rows: line (the header is line 1), legacy id, code
		assertThat(refused(first, "tblLocations")).containsExactly("8|7|reference-unknown", "9|8|value-missing");
		assertThat(refused(first, "tblHF")).containsExactly("4|3|value-invalid");
		assertThat(refused(first, "tblServices")).containsExactly("4|3|value-invalid");
		assertThat(refused(first, "tblProduct")).containsExactly("4|3|value-invalid");
		// the family is refused for its head's gender X; its other member goes with it
		assertThat(refused(first, "tblFamilies")).containsExactly("5|4|value-invalid");
		assertThat(refused(first, "tblInsuree")).containsExactly("9|7|with-record", "10|8|with-record");
		assertThat(refused(first, "tblPolicy")).containsExactly("5|4|reference-unknown");
		assertThat(refused(first, "tblPremium")).containsExactly("6|5|value-invalid");
		assertThat(refused(first, "tblClaim")).containsExactly("4|3|reference-unknown");
		assertThat(refused(first, "tblClaimServices")).containsExactly("4|3|with-record");
		assertThat(reason(first, "tblLocations", 8)).isEqualTo("Row 8 of tblLocations: ParentLocationId 99 is not a loaded row of tblLocations.");
		assertThat(reason(first, "tblFamilies", 5)).isEqualTo("Row 9 of tblInsuree: the value \"X\" of column Gender is not valid.");

		// reconciliation: table|measure -> source|loaded|result
		Map<String, String> figures = reconciliation(first);
		assertThat(figures).containsEntry("tblLocations|rows", "7|5|different")
				.containsEntry("tblItems|rows", "2|2|equal")
				.containsEntry("tblPLServicesDetail|rows", "2|2|equal")
				.containsEntry("tblProductServices|rows", "2|2|equal")
				// 10000.00 + 5000 + 7000 in the export; the third product is refused
				.containsEntry("tblProduct|LumpSum", "22000.00|15000.00|different")
				.containsEntry("tblInsuree|rows", "8|6|different")
				// 10000.00 + 10000 + 5000 + 7500; the fourth policy's family is refused
				.containsEntry("tblPolicy|PolicyValue", "32500.00|25000.00|different")
				// 6000.00 + 4000.00 + 2500.25 + 5000; the -10 of the refused row is not an amount
				.containsEntry("tblPremium|Amount", "17500.25|17500.25|equal")
				.containsEntry("tblPremium|rows", "5|4|different")
				// 3801.00 + 15000 + 500 claimed; approved only on the first claim
				.containsEntry("tblClaim|Claimed", "19301.00|18801.00|different")
				.containsEntry("tblClaim|Approved", "3500.00|3500.00|equal")
				.containsEntry("tblClaimItems|rows", "2|2|equal")
				.containsEntry("tblClaimServices|rows", "3|2|different");
		assertThat(((org.hl7.fhir.r4.model.BooleanType) first.getParameter("reconciled").getValue()).booleanValue()).isFalse();

		assertLoadedAsTheyWere(database);

		// The same export again, in French: nothing changes, the same rows are refused
		Parameters second = importExport(tag, database, "fr");
		for (ParametersParameterComponent table : tables(second)) {
			String name = part(table, "name");
			assertThat(count(table, "created")).as(name).isZero();
			assertThat(count(table, "updated")).as(name).isZero();
			assertThat(count(table, "unchanged")).as(name).isEqualTo(count(table(first, name), "created"));
			assertThat(refused(second, name)).as(name).isEqualTo(refused(first, name));
		}
		assertThat(reason(second, "tblLocations", 8)).isEqualTo("Ligne 8 de tblLocations : ParentLocationId 99 n'est pas une ligne chargée de tblLocations.");
		assertThat(reconciliation(second)).isEqualTo(figures);
	}

	/** The loaded records read back: their ids, identifiers, historical statuses and amounts. */
	private void assertLoadedAsTheyWere(String database) {
		Bundle found = client.search().forResource(Patient.class)
				.where(Patient.IDENTIFIER.exactly().systemAndCode("https://imis-fhir.org/fhir/sid/openimis/tblInsuree", database + ":2"))
				.returnBundle(Bundle.class).execute();
		assertThat(found.getEntry()).hasSize(1);
		Patient paul = (Patient) found.getEntryFirstRep().getResource();
		assertThat(paul.getIdElement().getIdPart()).isEqualTo("mig-" + database + "-ins-2");
		assertThat(paul.getGender().toCode()).isEqualTo("male");
		assertThat(paul.getBirthDateElement().getValueAsString()).isEqualTo("2015-06-10");

		Group family = client.read().resource(Group.class).withId("mig-" + database + "-fam-1").execute();
		assertThat(family.getMember()).extracting(m -> m.getEntity().getReference())
				.containsExactly("Patient/mig-" + database + "-ins-1", "Patient/mig-" + database + "-ins-2");

		// the expired policy stays expired though its premium pays its value in full (no activation rule replayed)
		Coverage expired = client.read().resource(Coverage.class).withId("mig-" + database + "-pol-3").execute();
		assertThat(openImisCode(expired.getExtensionByUrl("https://openimis.github.io/openimis_fhir_r4_ig/StructureDefinition/coverage-policy-status")))
				.isEqualTo("8");
		assertThat(expired.getStatus().toCode()).isEqualTo("active");

		Claim claim = client.read().resource(Claim.class).withId("mig-" + database + "-clm-1").execute();
		assertThat(claim.getTotal().getValue()).isEqualByComparingTo("3801.00");
		assertThat(claim.getItem()).hasSize(3);
		assertThat(claim.getInsurance().get(0).getCoverage().getReference()).isEqualTo("Coverage/mig-" + database + "-pol-1");
		Extension workflow = claim.getExtensionByUrl("https://imis-fhir.org/fhir/StructureDefinition/claim-workflow");
		assertThat(((org.hl7.fhir.r4.model.Coding) workflow.getExtensionByUrl("status").getValue()).getCode()).isEqualTo("16");
		ClaimResponse response = client.read().resource(ClaimResponse.class).withId("mig-" + database + "-clm-1-response").execute();
		assertThat(response.getTotal()).extracting(t -> t.getCategory().getCodingFirstRep().getCode() + "=" + t.getAmount().getValue().toPlainString())
				.containsExactly("2=3801.00", "4=3500.00", "16=3500.00");
		Claim rejected = client.read().resource(Claim.class).withId("mig-" + database + "-clm-2").execute();
		Extension rejectedWorkflow = rejected.getExtensionByUrl("https://imis-fhir.org/fhir/StructureDefinition/claim-workflow");
		assertThat(((org.hl7.fhir.r4.model.Coding) rejectedWorkflow.getExtensionByUrl("status").getValue()).getCode()).isEqualTo("1");
		assertThat(((org.hl7.fhir.r4.model.Coding) rejectedWorkflow.getExtensionByUrl("rejectionReason").getValue()).getCode()).isEqualTo("7");
	}

	@Test
	void aDirectoryOutsideTheAllowedOneIsRefusedAndNothingIsRead() {
		Parameters request = new Parameters();
		request.addParameter("directory", new StringType(System.getProperty("java.io.tmpdir")));
		assertThatThrownBy(() -> client.operation().onServer().named("$import-openimis").withParameters(request).execute())
				.isInstanceOf(UnprocessableEntityException.class)
				.satisfies(e -> assertThat(code((UnprocessableEntityException) e)).isEqualTo("directory-not-allowed"));
	}

	@Test
	void anUnknownTableIsRefusedWhole() {
		Parameters request = new Parameters();
		request.addParameter().setName("table").setValue(new Attachment().setTitle("tblUsers").setContentType("text/csv")
				.setData("UserID,LoginName\n1,admin\n".getBytes(StandardCharsets.UTF_8)));
		assertThatThrownBy(() -> client.operation().onServer().named("$import-openimis").withParameters(request).execute())
				.isInstanceOf(UnprocessableEntityException.class)
				.satisfies(e -> assertThat(code((UnprocessableEntityException) e)).isEqualTo("export-format"));
	}

	/** The coded reason of a refusal (imis-migration-error). */
	private static String code(UnprocessableEntityException refusal) {
		org.hl7.fhir.r4.model.OperationOutcome outcome = (org.hl7.fhir.r4.model.OperationOutcome) refusal.getOperationOutcome();
		return outcome.getIssueFirstRep().getDetails().getCoding().stream()
				.filter(c -> "https://imis-fhir.org/fhir/CodeSystem/imis-migration-error".equals(c.getSystem()))
				.map(org.hl7.fhir.r4.model.Coding::getCode).findFirst().orElse(null);
	}

	private Parameters importExport(String tag, String database, String language) {
		Parameters request = new Parameters();
		for (String table : TABLES) {
			request.addParameter().setName("table").setValue(new Attachment().setTitle(table).setContentType("text/csv")
					.setData(csv(table).replace("{U}", tag).getBytes(StandardCharsets.UTF_8)));
		}
		request.addParameter("database", new StringType(database));
		return client.operation().onServer().named("$import-openimis").withParameters(request)
				.withAdditionalHeader("Accept-Language", language).execute();
	}

	private static String csv(String table) {
		try (InputStream in = LegacyMigrationHttpTest.class.getResourceAsStream("/migration/" + table + ".csv")) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		} catch (IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
	}

	private static List<ParametersParameterComponent> tables(Parameters answer) {
		return answer.getParameter().stream().filter(p -> "table".equals(p.getName())).toList();
	}

	private static ParametersParameterComponent table(Parameters answer, String name) {
		return tables(answer).stream().filter(t -> name.equals(part(t, "name"))).findFirst().orElseThrow(() -> new AssertionError(name));
	}

	private static void assertCounts(Parameters answer, String name, int read, int history, int created, int updated, int unchanged, int refused) {
		ParametersParameterComponent table = table(answer, name);
		assertThat(List.of(count(table, "read"), count(table, "history"), count(table, "created"), count(table, "updated"),
				count(table, "unchanged"), count(table, "refused"))).as(name + " " + table.getPart().stream()
						.filter(p -> "refusedRow".equals(p.getName())).map(r -> part(r, "reason")).toList())
				.containsExactly(read, history, created, updated, unchanged, refused);
	}

	private static List<String> refused(Parameters answer, String name) {
		return table(answer, name).getPart().stream().filter(p -> "refusedRow".equals(p.getName()))
				.map(row -> part(row, "line") + "|" + part(row, "id") + "|" + part(row, "code")).toList();
	}

	private static String reason(Parameters answer, String name, int line) {
		return table(answer, name).getPart().stream().filter(p -> "refusedRow".equals(p.getName()))
				.filter(row -> part(row, "line").equals(String.valueOf(line))).map(row -> part(row, "reason")).findFirst().orElseThrow();
	}

	private static Map<String, String> reconciliation(Parameters answer) {
		return answer.getParameter().stream().filter(p -> "reconciliation".equals(p.getName())).collect(Collectors.toMap(
				p -> part(p, "table") + "|" + part(p, "measure"),
				p -> plain(part(p, "source")) + "|" + plain(part(p, "loaded")) + "|" + part(p, "result")));
	}

	private static String plain(String decimal) {
		return new BigDecimal(decimal).toPlainString();
	}

	private static int count(ParametersParameterComponent table, String name) {
		return Integer.parseInt(part(table, name));
	}

	private static String part(ParametersParameterComponent parameter, String name) {
		return parameter.getPart().stream().filter(p -> name.equals(p.getName())).findFirst()
				.map(p -> p.getValue().primitiveValue()).orElseThrow(() -> new AssertionError("no part " + name));
	}

	private static String openImisCode(Extension status) {
		return ((CodeableConcept) status.getValue()).getCodingFirstRep().getCode();
	}
}
