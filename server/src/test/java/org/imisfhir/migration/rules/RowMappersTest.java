package org.imisfhir.migration.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hl7.fhir.r4.model.ChargeItemDefinition;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.ClaimResponse;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.Group;
import org.hl7.fhir.r4.model.InsurancePlan;
import org.hl7.fhir.r4.model.Location;
import org.hl7.fhir.r4.model.Money;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.PaymentNotice;
import org.hl7.fhir.r4.model.Reference;
import org.imisfhir.registry.product.InsurancePlanMapper;
import org.imisfhir.registry.product.rules.ProductDefinition;
import org.junit.jupiter.api.Test;

/** The CSV row mappers, one openIMIS table at a time, with a context holding what earlier tables loaded. */
class RowMappersTest {

	private final LoadedRecords loaded = new LoadedRecords();
	private final MappingContext context = new MappingContext("demo", "XAF", loaded, new Reference("Organization/org-scheme"));

	private static LegacyRow row(LegacyTable table, int line, String... pairs) {
		Map<String, String> values = new HashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			values.put(pairs[i], pairs[i + 1]);
		}
		return new LegacyRow(table, line, values);
	}

	@Test
	void aLocationKeepsItsCodeLevelParentAndLegacyId() {
		loaded.put(LegacyTable.LOCATIONS, "3", "Location/mig-demo-loc-3", Map.of("type", "W"));
		LegacyRecord record = RegistryRows.location(row(LegacyTable.LOCATIONS, 5, "LocationId", "4", "LocationCode", "V1",
				"LocationName", "Village One", "ParentLocationId", "3", "LocationType", "v"), context);
		Location village = (Location) record.parts().get(0).resource();
		assertThat(village.getIdElement().getIdPart()).isEqualTo("mig-demo-loc-4");
		assertThat(village.getIdentifier()).extracting(i -> i.getSystem() + "|" + i.getValue()).containsExactly(
				"https://imis-fhir.org/fhir/sid/location-code|V1", "https://imis-fhir.org/fhir/sid/openimis/tblLocations|demo:4");
		assertThat(village.getTypeFirstRep().getCodingFirstRep().getCode()).isEqualTo("V");
		assertThat(village.getPartOf().getReference()).isEqualTo("Location/mig-demo-loc-3");

		// a parent not loaded is refused, never left dangling; a village needs a parent
		assertThatThrownBy(() -> RegistryRows.location(row(LegacyTable.LOCATIONS, 6, "LocationId", "5", "LocationCode", "V2",
				"LocationName", "Village Two", "ParentLocationId", "99", "LocationType", "V"), context))
				.isInstanceOf(RowRefusal.class)
				.satisfies(e -> assertThat(((RowRefusal) e).text(Locale.ENGLISH))
						.isEqualTo("Row 6 of tblLocations: ParentLocationId 99 is not a loaded row of tblLocations."));
		assertThatThrownBy(() -> RegistryRows.location(row(LegacyTable.LOCATIONS, 7, "LocationId", "6", "LocationCode", "V3",
				"LocationName", "Village Three", "LocationType", "V"), context))
				.isInstanceOf(RowRefusal.class).hasMessage("value-missing");
	}

	@Test
	void aPriceListHasOneEntryPerCurrentDetailWithItsOverrule() {
		loaded.put(LegacyTable.LOCATIONS, "2", "Location/mig-demo-loc-2", Map.of("type", "D"));
		loaded.put(LegacyTable.SERVICES, "1", "ActivityDefinition/mig-demo-svc-1", Map.of("code", "S1"));
		loaded.put(LegacyTable.SERVICES, "2", "ActivityDefinition/mig-demo-svc-2", Map.of("code", "S2"));
		LegacyRow list = row(LegacyTable.SERVICE_PRICE_LISTS, 2, "PLServiceID", "1", "PLServName", "District 2024",
				"DatePL", "2024-01-01", "LocationId", "2");
		List<LegacyRow> details = List.of(
				row(LegacyTable.SERVICE_PRICE_LIST_DETAILS, 2, "PLServiceDetailID", "1", "PLServiceID", "1", "ServiceID", "1", "PriceOverule", "1800"),
				row(LegacyTable.SERVICE_PRICE_LIST_DETAILS, 3, "PLServiceDetailID", "2", "PLServiceID", "1", "ServiceID", "2", "PriceOverule", "NULL"));
		ChargeItemDefinition priceList = (ChargeItemDefinition) RegistryRows.priceList(list, details, context).parts().get(0).resource();
		assertThat(priceList.getIdentifierFirstRep().getValue()).isEqualTo("demo.PLS1");
		assertThat(priceList.getUseContextFirstRep().getValueReference().getReference()).isEqualTo("Location/mig-demo-loc-2");
		assertThat(priceList.getPropertyGroup()).hasSize(2);
		assertThat(priceList.getPropertyGroup().get(0).getPriceComponentFirstRep().getAmount().getValue()).isEqualByComparingTo("1800");
		assertThat(priceList.getPropertyGroup().get(1).hasPriceComponent()).isFalse();
	}

	@Test
	void aProductReadsBackAsTheSameOpenImisProduct() {
		loaded.put(LegacyTable.SERVICES, "1", "ActivityDefinition/mig-demo-svc-1", Map.of("code", "S1"));
		LegacyRow product = row(LegacyTable.PRODUCTS, 2, "ProdID", "1", "ProductCode", "P1", "ProductName", "Family cover",
				"InsurancePeriod", "12", "DateFrom", "2018-01-01", "DateTo", "2030-12-31", "LumpSum", "10000.00", "Threshold", "4",
				"MemberCount", "6", "PremiumAdult", "2500.50", "MaxInstallments", "3", "GracePeriod", "1", "StartCycle1", "01-06",
				"MaxIPInsuree", "200000", "DedPolicy", "500", "MaxNoConsultation", "0");
		List<LegacyRow> services = List.of(row(LegacyTable.PRODUCT_SERVICES, 2, "ProdServiceID", "1", "ProdID", "1", "ServiceID", "1",
				"LimitationType", "C", "PriceOrigin", "P", "LimitAdult", "80", "LimitChild", "100", "WaitingPeriodAdult", "3"));
		InsurancePlan plan = (InsurancePlan) ProductRows.product(product, services, List.of(), context).parts().get(0).resource();

		// read with the mapper the product register itself uses
		ProductDefinition read = InsurancePlanMapper.toProduct(plan);
		assertThat(read.code()).isEqualTo("P1");
		assertThat(read.value("lump_sum")).isEqualByComparingTo("10000.00");
		assertThat(read.value("threshold")).isEqualByComparingTo("4");
		assertThat(read.value("premium_adult")).isEqualByComparingTo("2500.50");
		assertThat(read.value("insurance_period")).isEqualByComparingTo("12");
		assertThat(read.value("max_members")).isEqualByComparingTo("6");
		assertThat(read.value("max_installments")).isEqualByComparingTo("3");
		assertThat(read.value("grace_period_enrolment")).isEqualByComparingTo("1");
		assertThat(read.value("max_insuree_ip")).isEqualByComparingTo("200000");   // MaxIPInsuree
		assertThat(read.value("ded_policy")).isEqualByComparingTo("500");
		assertThat(read.values()).containsKey("max_no_consultation");   // a maximum of 0: none allowed, kept
		assertThat(read.startCycles()).containsExactly("01-06");
		assertThat(read.benefits()).singleElement().satisfies(benefit -> {
			assertThat(benefit.code()).isEqualTo("S1");
			assertThat(benefit.limitationType()).isEqualTo("C");
		});
	}

	@Test
	void aFamilyAndItsInsureesAreOneRecordWithTheHeadFirst() {
		loaded.put(LegacyTable.LOCATIONS, "4", "Location/mig-demo-loc-4", Map.of("type", "V"));
		LegacyRow family = row(LegacyTable.FAMILIES, 2, "FamilyID", "1", "InsureeID", "1", "LocationId", "4", "Poverty", "1", "FamilyType", "H");
		LegacyRow child = row(LegacyTable.INSUREES, 2, "InsureeID", "2", "FamilyID", "1", "CHFID", "100000002", "LastName", "Ekane",
				"OtherNames", "Paul", "DOB", "2015-06-10", "Gender", "M", "Relationship", "4");
		LegacyRow head = row(LegacyTable.INSUREES, 3, "InsureeID", "1", "FamilyID", "1", "CHFID", "100000001", "LastName", "Ekane",
				"OtherNames", "Marie", "DOB", "1985-02-01", "Gender", "F");
		LegacyRecord record = EnrolmentRows.family(family, List.of(child, head), context);

		assertThat(record.rows()).hasSize(3);
		Group group = (Group) record.parts().get(0).resource();
		assertThat(group.getMember()).extracting(m -> m.getEntity().getReference())
				.containsExactly("Patient/mig-demo-ins-1", "Patient/mig-demo-ins-2");
		assertThat(group.getIdentifier().get(0).getValue()).isEqualTo("100000001");
		assertThat(record.parts().get(0).facts()).containsEntry("code", "100000001").containsEntry("head", "Patient/mig-demo-ins-1");
		Patient paul = (Patient) record.parts().stream().filter(p -> "2".equals(p.legacyId())).findFirst().orElseThrow().resource();
		assertThat(paul.getGender().toCode()).isEqualTo("male");   // ConceptMap openimis-gender: M -> male
		assertThat(paul.getContactFirstRep().getRelationshipFirstRep().getCodingFirstRep().getCode()).isEqualTo("4");
		assertThat(paul.getContactFirstRep().getName().getGivenAsSingleString()).isEqualTo("Marie");

		// one member with a gender openIMIS does not have: the whole family is refused
		LegacyRow unknownGender = row(LegacyTable.INSUREES, 4, "InsureeID", "3", "FamilyID", "1", "CHFID", "100000003",
				"LastName", "Ekane", "OtherNames", "Luc", "DOB", "2018-01-05", "Gender", "X");
		assertThatThrownBy(() -> EnrolmentRows.family(family, List.of(head, unknownGender), context))
				.isInstanceOf(RowRefusal.class).hasMessage("value-invalid");
	}

	@Test
	void aPolicyKeepsItsHistoricalStatusAndAPremiumItsReceiptPerProduct() {
		loaded.put(LegacyTable.FAMILIES, "1", "Group/mig-demo-fam-1", Map.of("code", "100000001", "head", "Patient/mig-demo-ins-1"));
		loaded.put(LegacyTable.PRODUCTS, "2", "InsurancePlan/mig-demo-prd-2", Map.of("code", "P2", "name", "National cover"));
		LegacyRow policyRow = row(LegacyTable.POLICIES, 2, "PolicyID", "3", "FamilyID", "1", "ProdID", "2", "EnrollDate", "2023-01-05",
				"StartDate", "2023-01-05", "EffectiveDate", "2023-01-05", "ExpiryDate", "2024-01-04", "PolicyStatus", "8", "PolicyValue", "5000");
		Coverage policy = (Coverage) EnrolmentRows.policy(policyRow, context).parts().get(0).resource();
		assertThat(policy.getStatus()).isEqualTo(Coverage.CoverageStatus.ACTIVE);   // ConceptMap openimis-policy-status: 8 -> active
		assertThat(((CodeableConcept) policy.getExtensionByUrl(
				"https://openimis.github.io/openimis_fhir_r4_ig/StructureDefinition/coverage-policy-status").getValue())
				.getCodingFirstRep().getCode()).isEqualTo("8");
		assertThat(policy.getIdentifierFirstRep().getValue()).isEqualTo("100000001|P2|2023-01-05");
		assertThat(policy.getPeriod().getEndElement().getValueAsString()).isEqualTo("2024-01-04");
		assertThat(policy.getBeneficiary().getReference()).isEqualTo("Patient/mig-demo-ins-1");

		loaded.put(LegacyTable.POLICIES, "3", "Coverage/mig-demo-pol-3", Map.of("product", "P2"));
		PaymentNotice premium = (PaymentNotice) EnrolmentRows.premium(row(LegacyTable.PREMIUMS, 2, "PremiumId", "4", "PolicyID", "3",
				"Amount", "5000", "Receipt", "R-1004", "PayDate", "2023-01-05", "PayType", "b"), context).parts().get(0).resource();
		assertThat(premium.getIdentifierFirstRep().getValue()).isEqualTo("P2|R-1004");
		assertThat(premium.getAmount().getValue()).isEqualByComparingTo("5000");
		assertThat(premium.getRequest().getReference()).isEqualTo("Coverage/mig-demo-pol-3");
		assertThat(premium.getCreatedElement().getValueAsString()).isEqualTo("2023-01-05");
	}

	@Test
	void aClaimKeepsItsStatusAndAmountsAndItsResponseTheLineFigures() {
		loaded.put(LegacyTable.INSUREES, "1", "Patient/mig-demo-ins-1", Map.of());
		loaded.put(LegacyTable.HEALTH_FACILITIES, "1", "Organization/mig-demo-hf-1", Map.of());
		loaded.put(LegacyTable.SERVICES, "1", "ActivityDefinition/mig-demo-svc-1", Map.of("code", "S1"));
		loaded.put(LegacyTable.ITEMS, "1", "Medication/mig-demo-itm-1", Map.of("code", "I1"));
		loaded.put(LegacyTable.POLICIES, "1", "Coverage/mig-demo-pol-1", Map.of("product", "P1"));
		LegacyRow claimRow = row(LegacyTable.CLAIMS, 2, "ClaimID", "1", "InsureeID", "1", "ClaimCode", "C1", "DateFrom", "2024-03-01",
				"ICDID", "1", "ClaimStatus", "16", "Claimed", "3501.00", "Approved", "3300.00", "Valuated", "3300.00",
				"DateClaimed", "2024-03-02", "DateProcessed", "2024-03-20", "HFID", "1", "VisitType", "O", "ClaimCategory", "C");
		LegacyRow service = row(LegacyTable.CLAIM_SERVICES, 2, "ClaimServiceID", "1", "ClaimID", "1", "ServiceID", "1",
				"QtyProvided", "1", "PriceAsked", "2000", "PriceApproved", "1800", "PriceValuated", "1800", "ClaimServiceStatus", "1", "PolicyID", "1");
		LegacyRow item = row(LegacyTable.CLAIM_ITEMS, 2, "ClaimItemID", "1", "ClaimID", "1", "ItemID", "1",
				"QtyProvided", "10", "PriceAsked", "150.10", "PriceApproved", "150.00", "PriceValuated", "1500.00", "ClaimItemStatus", "1");
		LegacyRecord record = ClaimRows.claim(claimRow, List.of(service), List.of(item), Map.of("1", "A09"), context);

		Claim claim = (Claim) record.parts().get(0).resource();
		assertThat(claim.getTotal().getValue()).isEqualByComparingTo("3501.00");
		assertThat(claim.getItem()).extracting(i -> i.getProductOrService().getCodingFirstRep().getCode()).containsExactly("S1", "I1");
		assertThat(claim.getInsuranceFirstRep().getCoverage().getReference()).isEqualTo("Coverage/mig-demo-pol-1");
		assertThat(claim.getDiagnosisFirstRep().getDiagnosisCodeableConcept().getCodingFirstRep().getCode()).isEqualTo("A09");
		assertThat(org.imisfhir.claim.ClaimWorkflow.status(claim)).isEqualTo(org.imisfhir.claim.rules.ClaimStatus.VALUATED);

		ClaimResponse response = (ClaimResponse) record.parts().get(1).resource();
		assertThat(response.getIdElement().getIdPart()).isEqualTo("mig-demo-clm-1-response");
		assertThat(response.getOutcome()).isEqualTo(ClaimResponse.RemittanceOutcome.COMPLETE);   // 16 -> complete
		// item line: asked 10 x 150.10 = 1501.00, approved 10 x 150.00 = 1500.00, valuated 1500.00
		assertThat(response.getItem().get(1).getAdjudication()).extracting(a -> a.getCategory().getCodingFirstRep().getCode()
				+ "=" + a.getAmount().getValue().toPlainString()).containsExactly("2=1501.00", "4=1500.00", "16=1500.00");
		assertThat(response.getTotal()).extracting(t -> t.getCategory().getCodingFirstRep().getCode() + "=" + t.getAmount().getValue().toPlainString())
				.containsExactly("2=3501.00", "4=3300.00", "16=3300.00");
	}

	@Test
	void aRejectedLineCarriesItsReasonAndNoAmount() {
		loaded.put(LegacyTable.INSUREES, "3", "Patient/mig-demo-ins-3", Map.of());
		loaded.put(LegacyTable.HEALTH_FACILITIES, "2", "Organization/mig-demo-hf-2", Map.of());
		loaded.put(LegacyTable.SERVICES, "2", "ActivityDefinition/mig-demo-svc-2", Map.of("code", "S2"));
		LegacyRow claimRow = row(LegacyTable.CLAIMS, 3, "ClaimID", "2", "InsureeID", "3", "ClaimCode", "C2", "DateFrom", "2024-04-10",
				"ICDID", "2", "ClaimStatus", "1", "Claimed", "15000", "DateClaimed", "2024-04-13", "HFID", "2", "RejectionReason", "7");
		LegacyRow service = row(LegacyTable.CLAIM_SERVICES, 3, "ClaimServiceID", "2", "ClaimID", "2", "ServiceID", "2",
				"QtyProvided", "1", "PriceAsked", "15000", "ClaimServiceStatus", "2", "RejectionReason", "7");
		LegacyRecord record = ClaimRows.claim(claimRow, List.of(service), List.of(), Map.of("2", "O80"), context);
		Claim claim = (Claim) record.parts().get(0).resource();
		assertThat(claim.getInsuranceFirstRep().getCoverage().hasReference()).isFalse();
		ClaimResponse response = (ClaimResponse) record.parts().get(1).resource();
		assertThat(response.getItemFirstRep().getAdjudication()).singleElement().satisfies(a -> {
			assertThat(a.getCategory().getCodingFirstRep().getCode()).isEqualTo("1");
			assertThat(a.getReason().getCodingFirstRep().getCode()).isEqualTo("7");
			assertThat(a.getAmount().getValue()).isEqualByComparingTo("0");
		});
		assertThat(response.getTotal()).extracting(t -> t.getCategory().getCodingFirstRep().getCode()).containsExactly("2");

		assertThatThrownBy(() -> ClaimRows.claim(claimRow, List.of(service), List.of(), Map.of(), context))
				.isInstanceOf(RowRefusal.class).hasMessage("reference-unknown");
	}

	static Coding coding(String system, String code) {
		return new Coding(system, code, null);
	}

	static Money money(String value) {
		return new Money().setValue(new java.math.BigDecimal(value));
	}
}
