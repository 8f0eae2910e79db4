package org.imisfhir.programme;

import org.hl7.fhir.r4.model.Basic;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.StringType;
import org.imisfhir.support.HttpTestBase;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Chèque Santé vouchers: import with duplicate alert, idempotent re-import, duplicate-management status change. */
class VoucherHttpTest extends HttpTestBase {

	@Test
	void aVoucherFileWithDuplicatesIsReportedRowByRowAndReimportingChangesNothing() {
		String p = "V" + UUID.randomUUID().toString().replace("-", "").substring(0, 7).toUpperCase();
		// row 2 new, row 3 new in upper case, row 4 repeats row 2's number, row 5 too short, row 6 unknown status
		String csv = "NumCheque;ChequeStatus\n" + p + "01;New\n" + p + "02;NEW\n" + p + "01;new\nAB1;new\n" + p + "03;utilisé\n";

		Parameters first = importFile(csv);
		assertThat(count(first, "created")).isEqualTo(2);
		assertThat(count(first, "duplicate")).isEqualTo(1);
		assertThat(count(first, "refused")).isEqualTo(2);
		assertThat(rowOutcome(first, 4)).isEqualTo("duplicate");

		Parameters again = importFile(csv);
		assertThat(count(again, "created")).isZero();
		assertThat(count(again, "unchanged")).isEqualTo(2);

		// the same number arriving as cancelled: a duplicate, the stored voucher is kept
		Parameters conflicting = importFile("NumCheque,ChequeStatus\n" + p + "01,cancelled\n");
		assertThat(count(conflicting, "duplicate")).isEqualTo(1);
		Bundle found = client.search().byUrl("Basic?voucher-number=https://imis-fhir.org/fhir/sid/voucher-number|" + p + "01")
				.returnBundle(Bundle.class).execute();
		assertThat(found.getEntry()).hasSize(1);
		assertThat(Vouchers.status((Basic) found.getEntryFirstRep().getResource()).code()).isEqualTo("new");
	}

	@Test
	void aStatusChangeNeedsAReasonIsKeptInTheHistoryAndNeverMarksUsed() throws Exception {
		String number = "V" + UUID.randomUUID().toString().replace("-", "").substring(0, 9).toUpperCase();
		importFile("NumCheque,ChequeStatus\n" + number + ",new\n");
		Basic voucher = (Basic) client.search().byUrl("Basic?voucher-number=https://imis-fhir.org/fhir/sid/voucher-number|" + number).returnBundle(Bundle.class).execute()
				.getEntryFirstRep().getResource();
		String id = voucher.getIdElement().getIdPart();

		HttpResponse<String> noReason = postJson("/fhir/Basic/" + id + "/$set-voucher-status",
				"{\"resourceType\":\"Parameters\",\"parameter\":[{\"name\":\"status\",\"valueCode\":\"cancelled\"},{\"name\":\"reason\",\"valueString\":\" \"}]}",
				"Accept-Language", "fr");
		assertThat(noReason.statusCode()).isEqualTo(422);
		assertThat(noReason.body()).contains("voucher-reason-required").contains("demande un motif");

		HttpResponse<String> used = postJson("/fhir/Basic/" + id + "/$set-voucher-status",
				"{\"resourceType\":\"Parameters\",\"parameter\":[{\"name\":\"status\",\"valueCode\":\"used\"},{\"name\":\"reason\",\"valueString\":\"test\"}]}");
		assertThat(used.statusCode()).isEqualTo(422);
		assertThat(used.body()).contains("voucher-use-by-enrolment-only");

		Parameters change = new Parameters();
		change.addParameter("status", new CodeType("Cancelled"));
		change.addParameter("reason", new StringType("Doublon constaté au district"));
		Basic cancelled = client.operation().onInstance("Basic/" + id).named("$set-voucher-status").withParameters(change)
				.returnResourceType(Basic.class).execute();
		assertThat(Vouchers.status(cancelled).code()).isEqualTo("cancelled");
		assertThat(cancelled.getExtensionsByUrl(Vouchers.STATUS_CHANGE)).hasSize(2)
				.last().satisfies(e -> assertThat(e.getExtensionByUrl("reason").getValue().primitiveValue())
						.isEqualTo("Doublon constaté au district"));
	}

	@Test
	void anEnrolmentUsesANewVoucherAndOfTwoConcurrentEnrolmentsWithOneVoucherExactlyOneSucceeds() throws Exception {
		String number = "V" + UUID.randomUUID().toString().replace("-", "").substring(0, 9).toUpperCase();
		importFile("NumCheque,ChequeStatus\n" + number + ",new\n");

		java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
		java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
		List<java.util.concurrent.Future<HttpResponse<String>>> results = new java.util.ArrayList<>();
		for (int i = 0; i < 2; i++) {
			String body = enrolment(number);
			results.add(pool.submit(() -> {
				start.await();
				return postJson("/fhir/Group/$enrol", body, "Accept-Language", "fr");
			}));
		}
		start.countDown();
		List<Integer> statuses = new java.util.ArrayList<>();
		String refusal = "";
		for (java.util.concurrent.Future<HttpResponse<String>> result : results) {
			HttpResponse<String> response = result.get(5, java.util.concurrent.TimeUnit.MINUTES);
			statuses.add(response.statusCode());
			if (response.statusCode() != 200) {
				refusal = response.body();
			}
		}
		pool.shutdown();
		assertThat(statuses).containsExactlyInAnyOrder(200, 409);

		Basic used = (Basic) client.search().byUrl("Basic?voucher-number=https://imis-fhir.org/fhir/sid/voucher-number|" + number)
				.returnBundle(Bundle.class).execute().getEntryFirstRep().getResource();
		assertThat(Vouchers.status(used).code()).isEqualTo("used");
		assertThat(((org.hl7.fhir.r4.model.Reference) used.getExtensionByUrl(Vouchers.DETAILS).getExtensionByUrl("usedBy").getValue())
				.getReference()).startsWith("Coverage/");

		// once used, a further enrolment is refused with the voucher's own reason
		HttpResponse<String> again = postJson("/fhir/Group/$enrol", enrolment(number), "Accept-Language", "fr");
		assertThat(again.statusCode()).isEqualTo(409);
		assertThat(again.body()).contains("voucher-not-new").contains("seul un chèque nouveau");
		assertThat(refusal).isNotEmpty();
	}

	/** A one-woman family on PMTA0001 using the voucher. */
	private String enrolment(String voucher) {
		String number = "W" + UUID.randomUUID().toString().replace("-", "").substring(0, 7).toUpperCase();
		Parameters request = new Parameters();
		request.addParameter().setName("family").setResource(org.imisfhir.support.Fixtures.family("Location/loc-r1d1m1v1", false));
		request.addParameter().setName("member").setResource(
				org.imisfhir.support.Fixtures.insuree(number, "Ngo", "Awa", "female", "1998-05-01", true, null));
		request.addParameter("product", new StringType("PMTA0001"));
		request.addParameter("enrolDate", new org.hl7.fhir.r4.model.DateType("2026-03-10"));
		request.addParameter("voucher", new StringType(voucher));
		return fhirContext.newJsonParser().encodeResourceToString(request);
	}

	private Parameters importFile(String csv) {
		Parameters in = new Parameters();
		in.addParameter("csv", new StringType(csv));
		return client.operation().onType("Basic").named("$import-vouchers").withParameters(in).execute();
	}

	private static int count(Parameters out, String name) {
		return Integer.parseInt(out.getParameter(name).getValue().primitiveValue());
	}

	private static String rowOutcome(Parameters out, int line) {
		return out.getParameters("row").stream()
				.filter(row -> row.getPart().stream().anyMatch(p -> "line".equals(p.getName()) && String.valueOf(line).equals(p.getValue().primitiveValue())))
				.flatMap(row -> row.getPart().stream()).filter(p -> "outcome".equals(p.getName()))
				.map(p -> p.getValue().primitiveValue()).findFirst().orElseThrow();
	}
}
