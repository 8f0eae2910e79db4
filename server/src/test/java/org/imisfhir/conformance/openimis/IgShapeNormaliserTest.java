package org.imisfhir.conformance.openimis;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.CoverageEligibilityRequest;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Group;
import org.hl7.fhir.r4.model.InsurancePlan;
import org.hl7.fhir.r4.model.Location;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.UnsignedIntType;
import org.junit.jupiter.api.Test;

class IgShapeNormaliserTest {

	private static final String IG = "https://openimis.github.io/openimis_fhir_r4_ig/";
	private static final String IDENTIFIERS = IG + "CodeSystem/openimis-identifiers";

	private final IgShapeNormaliser normaliser = new IgShapeNormaliser();

	@Test
	void igProfileInPageFormBecomesItsCanonicalAndOursIsDeclaredToo() {
		Patient patient = new Patient();
		patient.getMeta().addProfile(IG + "StructureDefinition-openimis-patient.html");

		assertThat(normaliser.normalise(patient)).isTrue();

		assertThat(patient.getMeta().getProfile()).extracting(p -> p.getValue()).containsExactly(
				IG + "StructureDefinition/openimis-patient", "https://imis-fhir.org/fhir/StructureDefinition/imis-insuree");
	}

	@Test
	void doubleSlashCanonicalAndTheTypoedActivityDefinitionProfileAreRecognised() {
		assertThat(IgProfiles.canonical(IG + "/StructureDefinition/openimis-claim")).isEqualTo(IG + "StructureDefinition/openimis-claim");
		assertThat(IgProfiles.ourProfile(IG + "StructureDefinition/openimis-activitiy-definition"))
				.contains("https://imis-fhir.org/fhir/StructureDefinition/imis-medical-service");
		assertThat(IgProfiles.ourProfile(IG + "StructureDefinition/openimis-contract")).isEmpty();
		assertThat(IgProfiles.isIgProfile("https://imis-fhir.org/fhir/StructureDefinition/imis-insuree")).isFalse();
	}

	@Test
	void codeIdentifierGetsTheRegisterSystemUuidOursAndAcsnBecomesDbid() {
		Organization facility = new Organization();
		facility.addType(new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/organization-type", "prov", null)));
		facility.addIdentifier().setType(new CodeableConcept(new Coding(IDENTIFIERS, "Code", null))).setValue("RAHOS001");
		facility.addIdentifier().setType(new CodeableConcept(new Coding(IDENTIFIERS, "UUID", null))).setValue("D8A25F21");
		facility.addIdentifier().setType(new CodeableConcept(new Coding(IG + "/CodeSystem/openimis-identifiers", "ACSN", null))).setValue("17");

		normaliser.normalise(facility);

		assertThat(facility.getIdentifier().get(0).getSystem()).isEqualTo("https://imis-fhir.org/fhir/sid/hf-code");
		assertThat(facility.getIdentifier().get(0).getType().getCodingFirstRep().getCode()).isEqualTo("Code");
		assertThat(facility.getIdentifier().get(1).getSystem()).isEqualTo("https://imis-fhir.org/fhir/sid/openimis-uuid");
		assertThat(facility.getIdentifier().get(2).getType().getCodingFirstRep().getSystem()).isEqualTo(IDENTIFIERS);
		assertThat(facility.getIdentifier().get(2).getType().getCodingFirstRep().getCode()).isEqualTo("DBID");
	}

	@Test
	void identifierWithItsOwnSystemKeepsIt() {
		Patient patient = new Patient();
		patient.addIdentifier().setSystem("https://mpi.example.org/id")
				.setType(new CodeableConcept(new Coding(IDENTIFIERS, "Code", null))).setValue("42");

		normaliser.normalise(patient);

		assertThat(patient.getIdentifierFirstRep().getSystem()).isEqualTo("https://mpi.example.org/id");
	}

	@Test
	void locationLevelInPhysicalTypeIsCopiedToType() {
		Location village = new Location();
		village.getPhysicalType().addCoding(new Coding(IG + "CodeSystem/location-type", "V", "Village"));

		normaliser.normalise(village);

		assertThat(village.getTypeFirstRep().getCodingFirstRep().getCode()).isEqualTo("V");
		assertThat(village.getPhysicalType().getCodingFirstRep().getCode()).isEqualTo("V");
	}

	@Test
	void householdCodedInFhirGroupTypeIsRecodedInTheIgSystem() {
		Group family = new Group();
		family.addExtension(IG + "StructureDefinition/group-type",
				new CodeableConcept(new Coding("http://hl7.org/fhir/group-type", "H", "Household")));

		normaliser.normalise(family);

		Coding coding = ((CodeableConcept) family.getExtension().get(0).getValue()).getCodingFirstRep();
		assertThat(coding.getSystem()).isEqualTo(IG + "CodeSystem/group-type");
		assertThat(coding.getCode()).isEqualTo("H");
	}

	@Test
	void repeatedProductPeriodsAndDiscountsAreReadInTheIgOrder() {
		InsurancePlan plan = new InsurancePlan();
		// IG order: administration 1, payment grace 2, renewal grace 3, enrolment grace 4 months
		for (int months = 1; months <= 4; months++) {
			plan.addExtension(IG + "StructureDefinition/insurance-plan-period", new Quantity().setValue(months).setUnit("months"));
		}
		// IG order: renewal discount 50 % for 2 months, then enrolment discount 80 % for 3 months
		plan.addExtension(discount(50, 2));
		plan.addExtension(discount(80, 3));

		normaliser.normalise(plan);

		Extension periods = plan.getExtensionByUrl("https://imis-fhir.org/fhir/StructureDefinition/product-periods");
		assertThat(((UnsignedIntType) periods.getExtensionByUrl("administration").getValue()).getValue()).isEqualTo(1);
		assertThat(((UnsignedIntType) periods.getExtensionByUrl("gracePeriodPayment").getValue()).getValue()).isEqualTo(2);
		assertThat(((UnsignedIntType) periods.getExtensionByUrl("gracePeriodRenewal").getValue()).getValue()).isEqualTo(3);
		assertThat(((UnsignedIntType) periods.getExtensionByUrl("gracePeriodEnrolment").getValue()).getValue()).isEqualTo(4);
		var discounts = plan.getExtensionsByUrl("https://imis-fhir.org/fhir/StructureDefinition/product-discount");
		assertThat(discounts).hasSize(2);
		assertThat(((CodeType) discounts.get(0).getExtensionByUrl("type").getValue()).getValue()).isEqualTo("renewal");
		assertThat(((DecimalType) discounts.get(0).getExtensionByUrl("percentage").getValue()).getValue()).isEqualByComparingTo(new BigDecimal("50"));
		assertThat(((CodeType) discounts.get(1).getExtensionByUrl("type").getValue()).getValue()).isEqualTo("enrolment");
		assertThat(((UnsignedIntType) discounts.get(1).getExtensionByUrl("period").getValue()).getValue()).isEqualTo(3);
		// the IG's own extensions are kept
		assertThat(plan.getExtensionsByUrl(IG + "StructureDefinition/insurance-plan-period")).hasSize(4);
	}

	@Test
	void eligibilityItemCategoryIsAlsoCodedInTheCoverageItemCategory() {
		CoverageEligibilityRequest request = new CoverageEligibilityRequest();
		request.addItem().setCategory(new CodeableConcept(new Coding(IG + "CodeSystem/claim-item-category", "service", "Service")));

		normaliser.normalise(request);

		assertThat(request.getItemFirstRep().getCategory().getCoding()).extracting(Coding::getSystem)
				.containsExactly(IG + "CodeSystem/claim-item-category", IG + "CodeSystem/coverage-item-category");
	}

	@Test
	void zeroPeriodFrequencyIsDroppedAndARealOneKept() {
		org.hl7.fhir.r4.model.ActivityDefinition none = new org.hl7.fhir.r4.model.ActivityDefinition();
		none.setTiming(timing(0));
		org.hl7.fhir.r4.model.ActivityDefinition weekly = new org.hl7.fhir.r4.model.ActivityDefinition();
		weekly.setTiming(timing(7));
		org.hl7.fhir.r4.model.Medication item = new org.hl7.fhir.r4.model.Medication();
		item.addExtension(IG + "StructureDefinition/medication-frequency", timing(0));

		normaliser.normalise(none);
		normaliser.normalise(weekly);
		normaliser.normalise(item);

		assertThat(none.hasTiming()).isFalse();
		assertThat(weekly.getTimingTiming().getRepeat().getPeriod()).isEqualByComparingTo("7");
		assertThat(item.getExtension()).isEmpty();
	}

	@Test
	void packageSizeGivenAsANumeratorAloneIsPerOnePackage() {
		org.hl7.fhir.r4.model.Medication item = new org.hl7.fhir.r4.model.Medication();
		item.getAmount().setNumerator(new Quantity().setValue(1000));

		normaliser.normalise(item);

		assertThat(item.getAmount().getDenominator().getValue()).isEqualByComparingTo("1");
		assertThat(item.getAmount().getNumerator().getValue()).isEqualByComparingTo("1000");
	}

	@Test
	void resourceInOurShapeIsLeftAlone() {
		Location region = new Location();
		region.getMeta().addProfile("https://imis-fhir.org/fhir/StructureDefinition/imis-location");
		region.addIdentifier().setSystem("https://imis-fhir.org/fhir/sid/location-code").setValue("R1");
		region.addType(new CodeableConcept(new Coding(IG + "CodeSystem/location-type", "R", null)));

		assertThat(normaliser.normalise(region)).isFalse();
		assertThat(region.getType()).hasSize(1);
	}

	private static org.hl7.fhir.r4.model.Timing timing(int periodDays) {
		org.hl7.fhir.r4.model.Timing timing = new org.hl7.fhir.r4.model.Timing();
		timing.getRepeat().setFrequency(1).setPeriod(periodDays).setPeriodUnit(org.hl7.fhir.r4.model.Timing.UnitsOfTime.D);
		return timing;
	}

	private static Extension discount(int percentage, int months) {
		Extension discount = new Extension(IG + "StructureDefinition/insurance-plan-discount");
		discount.addExtension("Percentage", new DecimalType(percentage));
		discount.addExtension("Period", new Quantity().setValue(months).setUnit("months"));
		return discount;
	}
}
