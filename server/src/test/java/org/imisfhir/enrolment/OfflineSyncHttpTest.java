package org.imisfhir.enrolment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.imisfhir.enrolment.OfflineFixtures.ERRORS;
import static org.imisfhir.enrolment.OfflineFixtures.TEMPORARY;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.Group;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.imisfhir.support.Fixtures;
import org.imisfhir.support.HttpTestBase;
import org.junit.jupiter.api.Test;

/** {@code Group/$sync}: a per-entry report of what an officer collected offline; never a silent overwrite. */
class OfflineSyncHttpTest extends HttpTestBase {

	private static final String RACHLA = "Location/loc-r1d1m1v1";

	@Test
	void sendingTheSameSyncThreeTimesCreatesOnceAndReportsEveryEntry() {
		String officer = OfflineFixtures.officer(client, unique("EO"));
		String stranger = OfflineFixtures.officer(client, unique("EO"));
		List<String> numbers = OfflineFixtures.allocate(client, officer, 6, null);
		String foreign = OfflineFixtures.allocate(client, stranger, 1, null).get(0);
		String surname = unique("Sy");
		// already insured online: the same person enrolled offline again is a conflict
		String known = unique("K");
		enrolOnline(Fixtures.insuree(known, surname, "Hawa", "female", "1968-08-08", true, null));

		Bundle sync = new Bundle().setType(Bundle.BundleType.BATCH);
		Group withOfflineId = Fixtures.family(RACHLA, false);
		withOfflineId.addIdentifier().setSystem(OfflineFixtures.OFFLINE_ID).setValue(UUID.randomUUID().toString());
		add(sync, OfflineFixtures.enrolment(withOfflineId, null,
				OfflineFixtures.insuree(numbers.get(0), surname, "Moussa", "male", "1980-01-01", true, null),
				OfflineFixtures.insuree(numbers.get(1), surname, "Fanta", "female", "2012-02-02", false, "4")));
		add(sync, OfflineFixtures.enrolment(Fixtures.family(RACHLA, true), null,
				OfflineFixtures.insuree(numbers.get(2), surname, "Issa", "male", "1975-03-03", true, null)));
		add(sync, OfflineFixtures.enrolment(Fixtures.family(RACHLA, false), null,
				OfflineFixtures.insuree(numbers.get(3), surname.toUpperCase(), "Hawa", "female", "1968-08-08", true, null)));
		add(sync, OfflineFixtures.enrolment(Fixtures.family(RACHLA, false), null,
				OfflineFixtures.insuree(numbers.get(1), surname, "Aminata", "female", "1999-09-09", true, null)));
		add(sync, OfflineFixtures.enrolment(Fixtures.family(RACHLA, false), null,
				OfflineFixtures.insuree(foreign, surname, "Omar", "male", "1988-08-08", true, null)));
		Patient proposingAUsedNumber = OfflineFixtures.insuree(numbers.get(4), surname, "Ali", "male", "1991-01-01", true, null);
		proposingAUsedNumber.addIdentifier().setSystem(Fixtures.INSURANCE_NUMBER).setValue(known);
		add(sync, OfflineFixtures.enrolment(Fixtures.family(RACHLA, false), null, proposingAUsedNumber));

		List<List<String>> statuses = new ArrayList<>();
		List<List<String>> locations = new ArrayList<>();
		for (int send = 0; send < 3; send++) {
			Bundle report = sync(sync, officer, "en");
			assertThat(report.getType()).isEqualTo(Bundle.BundleType.BATCHRESPONSE);
			assertThat(report.getEntry()).hasSize(6);
			statuses.add(report.getEntry().stream().map(e -> e.getResponse().getStatus().substring(0, 3)).toList());
			locations.add(report.getEntry().subList(0, 2).stream().map(e -> e.getResponse().getLocation()).toList());
			assertThat(reason(report.getEntry().get(2))).isEqualTo("insuree-already-enrolled");
			assertThat(reason(report.getEntry().get(3))).isEqualTo("temporary-number-used");
			assertThat(reason(report.getEntry().get(4))).isEqualTo("temporary-number-not-allocated");
			assertThat(reason(report.getEntry().get(5))).isEqualTo("insurance-number-used");
			if (send > 0) {
				assertThat(outcomeCode(report.getEntry().get(0))).isEqualTo("unchanged");
			}
		}

		assertThat(statuses.get(0)).containsExactly("201", "201", "409", "409", "422", "409");
		assertThat(statuses.get(1)).containsExactly("200", "200", "409", "409", "422", "409");
		assertThat(statuses.get(2)).isEqualTo(statuses.get(1));
		assertThat(locations).allSatisfy(l -> assertThat(l).isEqualTo(locations.get(0)));
		for (String number : List.of(numbers.get(0), numbers.get(1), numbers.get(2))) {
			assertThat(count("Patient?identifier=" + TEMPORARY + "|" + number)).as(number).isEqualTo(1);
		}
		assertThat(count("Patient?identifier=" + TEMPORARY + "|" + numbers.get(3))).isZero();
		assertThat(count("Patient?identifier=" + TEMPORARY + "|" + numbers.get(4))).isZero();
		Group family = client.read().resource(Group.class).withId(locations.get(0).get(0)).execute();
		assertThat(family.getMember()).hasSize(2);
	}

	@Test
	void anOfflineChangeIsWrittenOnlyOnTheVersionItWasMadeOn() {
		String number = unique("C");
		Bundle enrolled = enrolOnline(Fixtures.insuree(number, unique("Ch"), "Rose", "female", "1977-07-07", true, null));
		Patient insuree = OfflineFixtures.members(enrolled).get(0);
		String id = insuree.getIdElement().getIdPart();
		String version = insuree.getMeta().getVersionId();

		Patient changed = insuree.copy();
		changed.addTelecom().setSystem(ContactPoint.ContactPointSystem.PHONE).setValue("+237 699 00 00 01");
		Bundle first = new Bundle().setType(Bundle.BundleType.BATCH);
		first.addEntry().setResource(changed).getRequest().setMethod(Bundle.HTTPVerb.PUT).setUrl("Patient/" + id).setIfMatch("W/\"" + version + "\"");
		Bundle written = sync(first, null, "en");
		assertThat(written.getEntryFirstRep().getResponse().getStatus()).startsWith("200");
		assertThat(outcomeCode(written.getEntryFirstRep())).isEqualTo("updated");

		Patient other = insuree.copy();
		other.addTelecom().setSystem(ContactPoint.ContactPointSystem.PHONE).setValue("+237 699 00 00 02");
		Bundle stale = new Bundle().setType(Bundle.BundleType.BATCH);
		stale.addEntry().setResource(other).getRequest().setMethod(Bundle.HTTPVerb.PUT).setUrl("Patient/" + id).setIfMatch("W/\"" + version + "\"");
		stale.addEntry().setResource(other.copy()).getRequest().setMethod(Bundle.HTTPVerb.PUT).setUrl("Patient/" + id);
		stale.addEntry().getRequest().setMethod(Bundle.HTTPVerb.DELETE).setUrl("Patient/" + id);
		Bundle report = sync(stale, null, "fr");

		assertThat(report.getEntry().get(0).getResponse().getStatus()).startsWith("409");
		assertThat(reason(report.getEntry().get(0))).isEqualTo("stale-version");
		int next = Integer.parseInt(version) + 1;
		assertThat(text(report.getEntry().get(0))).isEqualTo(
				"Patient/" + id + " a été modifié depuis la version " + version + " (version actuelle " + next + ") ; rien n'est écrasé.");
		assertThat(reason(report.getEntry().get(1))).isEqualTo("sync-if-match-required");
		assertThat(reason(report.getEntry().get(2))).isEqualTo("sync-entry-unsupported");
		Patient stored = client.read().resource(Patient.class).withId(id).execute();
		assertThat(stored.getTelecom()).extracting(ContactPoint::getValue).containsExactly("+237 699 00 00 01");
	}

	private Bundle enrolOnline(Patient head) {
		return client.operation().onType(Group.class).named("$enrol")
				.withParameters(OfflineFixtures.enrolment(Fixtures.family(RACHLA, false), null, head))
				.returnResourceType(Bundle.class).execute();
	}

	private static void add(Bundle sync, Parameters enrolment) {
		sync.addEntry().setResource(enrolment).getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("Group/$enrol");
	}

	private Bundle sync(Bundle entries, String officer, String language) {
		Parameters in = new Parameters();
		in.addParameter().setName("bundle").setResource(entries);
		if (officer != null) {
			in.addParameter().setName("officer").setValue(new Reference("Practitioner/" + officer));
		}
		in.addParameter().setName("device").setValue(new StringType("tablet-test"));
		return client.operation().onType(Group.class).named("$sync").withParameters(in).returnResourceType(Bundle.class)
				.withAdditionalHeader("Accept-Language", language).execute();
	}

	private int count(String query) {
		return client.search().byUrl(query).returnBundle(Bundle.class).execute().getEntry().size();
	}

	private static String reason(Bundle.BundleEntryComponent entry) {
		OperationOutcome outcome = (OperationOutcome) entry.getResponse().getOutcome();
		return outcome.getIssueFirstRep().getDetails().getCoding().stream().filter(c -> ERRORS.equals(c.getSystem()))
				.findFirst().orElseThrow(() -> new AssertionError(entry.getResponse().getStatus() + " " + outcome.getIssueFirstRep().getDetails().getText()))
				.getCode();
	}

	private static String outcomeCode(Bundle.BundleEntryComponent entry) {
		return ((OperationOutcome) entry.getResponse().getOutcome()).getIssueFirstRep().getDetails().getCodingFirstRep().getCode();
	}

	private static String text(Bundle.BundleEntryComponent entry) {
		return ((OperationOutcome) entry.getResponse().getOutcome()).getIssueFirstRep().getDetails().getText();
	}
}
