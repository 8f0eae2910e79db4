package org.imisfhir.registry.product;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.MonthDay;
import org.imisfhir.enrolment.rules.ProductTerms;
import org.imisfhir.payment.rules.CareType;
import org.imisfhir.payment.rules.Period;
import org.imisfhir.payment.rules.PeriodType;
import org.imisfhir.registry.product.rules.CoveredBenefit;
import org.imisfhir.registry.product.rules.ProductConsistencyRule;
import org.imisfhir.registry.product.rules.ProductDefinition;
import org.junit.jupiter.api.Test;

class InsurancePlanMapperTest {

	@Test
	void fixedCycleProductReadsIdentityPeriodsPricesAndCeilings() {
		ProductDefinition product = InsurancePlanMapper.toProduct(ProductFixtures.demo(ProductFixtures.FIXED_CYCLE));

		assertThat(product.code()).isEqualTo("FCUL0001");
		assertThat(product.name()).isEqualTo("Fixed Cycle Cover Ultha");
		assertThat(product.location()).isEqualTo("Location/loc-r2");
		assertThat(product.validFrom()).isEqualTo(LocalDate.of(2019, 1, 1));
		assertThat(product.validTo()).isEqualTo(LocalDate.of(2030, 12, 31));
		assertThat(product.selfReferences()).containsExactlyInAnyOrder("FCUL0001", "InsurancePlan/prod-fcul0001");
		assertThat(product.value("max_policy")).isEqualByComparingTo("300000");
		assertThat(product.value("max_policy_extra_member")).isEqualByComparingTo("50000");
		assertThat(product.value("max_ceiling_policy")).isEqualByComparingTo("600000");
		assertThat(product.ceilingType()).isEqualTo("P");
		assertThat(product.ceilingInterpretation()).isEqualTo("I");
		assertThat(product.accountPremiums()).isEqualTo("7001");
		assertThat(product.accountRemuneration()).isEqualTo("6001");
		assertThat(new ProductConsistencyRule().check(product)).isEmpty();

		ProductTerms terms = product.enrolmentTerms();
		assertThat(terms.insurancePeriodMonths()).isEqualTo(12);
		assertThat(terms.startCycles()).containsExactly(MonthDay.of(6, 1), MonthDay.of(11, 1));
		assertThat(terms.gracePeriodEnrolmentMonths()).isEqualTo(1);
		assertThat(terms.gracePeriodRenewalMonths()).isEqualTo(1);
		assertThat(terms.gracePeriodPaymentMonths()).isEqualTo(1);
		assertThat(terms.lumpSum()).isEqualByComparingTo("10000");
		assertThat(terms.threshold()).isEqualTo(4);
		assertThat(terms.maxMembers()).isEqualTo(10);
		assertThat(terms.premiumAdult()).isEqualByComparingTo("4000");
		assertThat(terms.premiumChild()).isEqualByComparingTo("4000");
		assertThat(terms.registrationFee()).isEqualByComparingTo("500");
		assertThat(terms.maxInstallments()).isEqualTo(3);
	}

	@Test
	void coveredServicesAndItemsAreReadByCode() {
		ProductDefinition product = InsurancePlanMapper.toProduct(ProductFixtures.demo(ProductFixtures.FIXED_CYCLE));

		assertThat(product.benefits()).extracting(b -> b.kind() + " " + b.code())
				.containsExactly("SERVICE C1", "SERVICE C11", "ITEM 0001", "ITEM 0002");
		CoveredBenefit c11 = product.benefits().get(1);
		assertThat(c11.priceOrigin()).isEqualTo("P");
		assertThat(c11.limitationType()).isEqualTo("C");
		assertThat(c11.limitationTypeReferral()).isEqualTo("C");
		assertThat(c11.limit("limit-adult")).isEqualByComparingTo("80");
		assertThat(c11.limit("waiting-period-adult")).isEqualByComparingTo("3");
		CoveredBenefit item0002 = product.benefits().get(3);
		assertThat(item0002.ceilingExclusionAdult()).isEqualTo("N");
		assertThat(item0002.limit("max-quantity-child")).isEqualByComparingTo("20");
	}

	@Test
	void chequeSanteCoversEveryTransportTariffByCodePatternOnReferralsOnly() {
		ProductDefinition product = InsurancePlanMapper.toProduct(ProductFixtures.cameroon("prod-cm-ccs"));

		CoveredBenefit transport = product.benefits().stream().filter(CoveredBenefit::codePattern).findFirst().orElseThrow();
		assertThat(transport.kind()).isEqualTo(CoveredBenefit.Kind.SERVICE);
		assertThat(transport.code()).isEqualTo("TR[0-9]{4,}");
		assertThat(transport.visitTypes()).containsExactly("R");
		assertThat(new ProductConsistencyRule().check(product)).isEmpty();

		org.imisfhir.claim.rules.Product claims = org.imisfhir.registry.product.rules.ClaimProductReader.read(product);
		org.imisfhir.claim.rules.MedicalRef tariff = org.imisfhir.claim.rules.MedicalRef.service("TR39250");
		assertThat(claims.coverageOf(tariff, org.imisfhir.claim.rules.VisitType.REFERRAL)).hasValueSatisfying(cover -> {
			assertThat(cover.ref()).isEqualTo(tariff);
			assertThat(cover.priceOrigin()).isEqualTo(org.imisfhir.claim.rules.PriceOrigin.PRICE_LIST);
		});
		assertThat(claims.coverageOf(tariff, org.imisfhir.claim.rules.VisitType.OTHER)).isEmpty();
		assertThat(claims.coverageOf(tariff, org.imisfhir.claim.rules.VisitType.EMERGENCY)).isEmpty();
		assertThat(claims.coverageOf(org.imisfhir.claim.rules.MedicalRef.service("TR12"), org.imisfhir.claim.rules.VisitType.REFERRAL))
				.as("fewer than four digits").isEmpty();
		assertThat(claims.coverageOf(org.imisfhir.claim.rules.MedicalRef.item("TR0001"), org.imisfhir.claim.rules.VisitType.REFERRAL))
				.as("a service group does not cover items").isEmpty();
	}

	@Test
	void perMemberProductReadsDeductiblesCeilingsCategoryLimitsAndDiscount() {
		ProductDefinition product = InsurancePlanMapper.toProduct(ProductFixtures.demo(ProductFixtures.PER_MEMBER));

		assertThat(product.startCycles()).isEmpty();
		assertThat(product.value("ded_treatment")).isEqualByComparingTo("500");
		assertThat(product.value("max_insuree_ip")).isEqualByComparingTo("200000");
		assertThat(product.value("max_insuree_op")).isEqualByComparingTo("100000");
		assertThat(product.count("max_no_consultation")).isEqualTo(12);
		assertThat(product.value("max_amount_consultation")).isEqualByComparingTo("5000");
		assertThat(product.count("max_no_hospitalization")).isEqualTo(2);
		assertThat(product.count("max_no_antenatal")).isEqualTo(4);
		ProductTerms terms = product.enrolmentTerms();
		assertThat(terms.administrationPeriodMonths()).isEqualTo(1);
		assertThat(terms.hasLumpSum()).isFalse();
		assertThat(terms.renewalDiscountPercent()).isEqualByComparingTo("10");
		assertThat(terms.renewalDiscountPeriodMonths()).isEqualTo(1);
		assertThat(terms.generalAssemblyFee()).isEqualByComparingTo("200");
	}

	@Test
	void relativeProductReadsItsMonthlyDistributionAndCapitation() {
		ProductDefinition product = InsurancePlanMapper.toProduct(ProductFixtures.demo(ProductFixtures.RELATIVE));

		assertThat(product.isNational()).isTrue();
		assertThat(product.relativePricing().sides()).containsEntry(CareType.BOTH, PeriodType.MONTH).hasSize(1);
		assertThat(product.relativePricing().distribution()).hasSize(12);
		assertThat(product.relativePricing().shareFor(CareType.BOTH, new Period(PeriodType.MONTH, 2025, 7))).hasValueSatisfying(
				share -> assertThat(share).isEqualByComparingTo("0.6"));
		assertThat(product.value("share_contribution")).isEqualByComparingTo("20");
		assertThat(product.value("weight_population")).isEqualByComparingTo("50");
		assertThat(product.capitationLevels()).containsExactly("D");
		assertThat(product.capitationLevelTerms().covers(new org.imisfhir.payment.rules.FacilityLevel("D", "B"))).isTrue();
		assertThat(product.capitationLevelTerms().covers(new org.imisfhir.payment.rules.FacilityLevel("H", null))).isFalse();
		assertThat(product.capitationTerms().shareContribution()).isEqualByComparingTo("20");
		assertThat(new ProductConsistencyRule().check(product)).isEmpty();
	}

	@Test
	void perMemberProductGivesTheTermsClaimsUse() {
		org.imisfhir.claim.rules.Product claims = org.imisfhir.registry.product.rules.ClaimProductReader.read(
				InsurancePlanMapper.toProduct(ProductFixtures.demo(ProductFixtures.PER_MEMBER)));

		assertThat(claims.code()).isEqualTo("PMTA0001");
		assertThat(claims.deductibles().treatment().general()).isEqualByComparingTo("500");
		assertThat(claims.ceilings().insuree().inPatient()).isEqualByComparingTo("200000");
		assertThat(claims.ceilings().insuree().outPatient()).isEqualByComparingTo("100000");
		assertThat(claims.ceilings().policy().general()).isNull();
		assertThat(claims.ceilingInterpretation()).isEqualTo(org.imisfhir.claim.rules.CeilingInterpretation.CLAIM_TYPE);
		assertThat(claims.categoryMaxima().maxCount(org.imisfhir.claim.rules.ServiceCategory.CONSULTATION)).hasValue(12);
		assertThat(claims.categoryMaxima().maxAmount(org.imisfhir.claim.rules.ServiceCategory.CONSULTATION)).hasValueSatisfying(
				amount -> assertThat(amount).isEqualByComparingTo("5000"));
		assertThat(claims.categoryMaxima().maxCount(org.imisfhir.claim.rules.ServiceCategory.SURGERY)).isEmpty();
		org.imisfhir.claim.rules.ProductCoverage c11 = claims.coverageOf(org.imisfhir.claim.rules.MedicalRef.service("C11")).orElseThrow();
		// C11: co-insurance, the product pays 80 % for adults and 100 % for children; 3 months' wait for adults
		assertThat(c11.normal().type()).isEqualTo(org.imisfhir.claim.rules.Limitation.CO_INSURANCE);
		assertThat(c11.normal().adult()).isEqualByComparingTo("80");
		assertThat(c11.normal().child()).isEqualByComparingTo("100");
		assertThat(c11.waitingMonthsAdult()).isEqualTo(3);
		assertThat(c11.maxQuantityAdult()).isNull();
		org.imisfhir.claim.rules.ProductCoverage item0002 = claims.coverageOf(org.imisfhir.claim.rules.MedicalRef.item("0002")).orElseThrow();
		assertThat(item0002.maxQuantityChild()).isEqualTo(20);
		assertThat(item0002.exclusionAdult()).isEqualTo(org.imisfhir.claim.rules.CeilingExclusion.NON_HOSPITAL);
	}

	@Test
	void fixedCycleProductGivesItsPolicyCeilingWithExtraMembers() {
		org.imisfhir.claim.rules.Product claims = org.imisfhir.registry.product.rules.ClaimProductReader.read(
				InsurancePlanMapper.toProduct(ProductFixtures.demo(ProductFixtures.FIXED_CYCLE)));

		// 300 000 per policy, +50 000 per member above the threshold of 4, at most 600 000
		assertThat(claims.ceilings().policy().general()).isEqualByComparingTo("300000");
		assertThat(claims.extraMemberCeiling().threshold()).isEqualTo(4);
		assertThat(claims.extraMemberCeiling().perExtraMember().general()).isEqualByComparingTo("50000");
		assertThat(claims.extraMemberCeiling().maximum().general()).isEqualByComparingTo("600000");
		assertThat(claims.coverages()).hasSize(4);
	}
}
