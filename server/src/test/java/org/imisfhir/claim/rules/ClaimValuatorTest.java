package org.imisfhir.claim.rules;

import static org.imisfhir.claim.rules.Amounts.amount;
import static org.imisfhir.claim.rules.Amounts.assertAmount;
import static org.imisfhir.claim.rules.ClaimScenario.ALL;
import static org.imisfhir.claim.rules.ClaimScenario.CHILD;
import static org.imisfhir.claim.rules.ClaimScenario.CONS;
import static org.imisfhir.claim.rules.ClaimScenario.FPK;
import static org.imisfhir.claim.rules.ClaimScenario.GAUZE;
import static org.imisfhir.claim.rules.ClaimScenario.OTHR;
import static org.imisfhir.claim.rules.ClaimScenario.PARA;
import static org.imisfhir.claim.rules.ClaimScenario.SURG;
import static org.imisfhir.claim.rules.ClaimScenario.claim;
import static org.imisfhir.claim.rules.ClaimScenario.fullCover;
import static org.imisfhir.claim.rules.CoverageBuilder.cover;
import static org.imisfhir.claim.rules.PolicyBuilder.policy;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.imisfhir.enrolment.rules.MemberCover;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ClaimValuatorTest {

	/** A product covering the whole catalogue in full, except {@code special}, covered as given. */
	private static ProductBuilder coverWith(CoverageBuilder special) {
		ProductCoverage coverage = special.build();
		ProductBuilder product = ProductBuilder.product("PRD").covers(coverage);
		Arrays.stream(ALL).filter(ref -> !ref.equals(coverage.ref())).forEach(product::coversInFull);
		return product;
	}

	@Nested
	class UnitPrices {

		@Test
		void priceListOverruleSetsTheUnitPrice() {
			// Overrule 12 x 3 = 36; the asked 99 plays no part for origin P.
			ClaimValuation valuation = claim().overrule(PARA, "12").line(PARA, "3", "99").valuate();

			assertAmount("12", valuation.line(0).unitPrice());
			assertAmount("36", valuation.line(0).approved());
			assertAmount("36.00", valuation.approved());
		}

		@Test
		void cataloguePriceAppliesWithoutOverrule() {
			// 3 x 10 = 30.
			assertAmount("30", claim().line(PARA, "3", "99").valuate().approved());
		}

		@Test
		void approvedPriceReplacesTheListPrice_ruleDecisions21() {
			// Approved 8 x 3 = 24, not overrule 12 x 3 = 36.
			ClaimValuation valuation = claim().overrule(PARA, "12")
					.line(ClaimLine.of(PARA, "3", "15").approved(null, amount("8"))).valuate();

			assertAmount("24", valuation.line(0).approved());
		}

		@Test
		void approvedPriceReplacesTheAskedPrice_ruleDecisions21() {
			// Origin O: approved 11 x 2 = 22, not asked 15 x 2 = 30.
			ClaimValuation valuation = claim().product(coverWith(cover(PARA).origin(PriceOrigin.CLAIMED)))
					.line(ClaimLine.of(PARA, "2", "15").approved(null, amount("11"))).valuate();

			assertAmount("22", valuation.line(0).approved());
		}

		@Test
		void ownPriceIsTheAskedPrice() {
			// Origin O: asked 15 x 2 = 30, although the catalogue says 10.
			ClaimValuation valuation = claim().product(coverWith(cover(PARA).origin(PriceOrigin.CLAIMED))).line(PARA, "2", "15").valuate();

			assertAmount("30", valuation.line(0).approved());
		}

		@Test
		void fixedPricePackageCapsTheAskedPrice() {
			// FPK is a fixed-price package at 200: asked 250 is cut to 200, asked 180 stays.
			ProductBuilder own = coverWith(cover(FPK).origin(PriceOrigin.CLAIMED));

			assertAmount("200", claim().product(own).line(FPK, "1", "250").valuate().line(0).approved());
			assertAmount("180", claim().product(own).line(FPK, "1", "180").valuate().line(0).approved());
		}

		@Test
		void quantitiesTimesPricesAreExactDecimals_ruleDecisions23() {
			// 2.5 x 10.10 = 25.25; 0.333 x 10.05 = 3.34665 (kept exact on the line);
			// total 28.59665 rounded half-up once = 28.60.
			ClaimValuation valuation = claim().overrule(PARA, "10.10").overrule(GAUZE, "10.05")
					.line(PARA, "2.5", "1").line(GAUZE, "0.333", "1").valuate();

			assertAmount("25.25", valuation.line(0).approved());
			assertAmount("3.34665", valuation.line(1).approved());
			assertEquals(amount("28.60"), valuation.approved());
		}

		@Test
		void totalIsRoundedHalfUpOnlyAtTheEnd_ruleDecisions8() {
			// 0.5 x 0.01 = 0.005 twice: each line 0.005, total 0.010 -> 0.01; a line rounded first would give 0.02,
			// half-even on 0.005 alone 0.00.
			ClaimValuation valuation = claim().overrule(PARA, "0.01").overrule(GAUZE, "0.01")
					.line(PARA, "0.5", "1").line(GAUZE, "0.5", "1").valuate();

			assertEquals(amount("0.01"), valuation.approved());
			ClaimValuation single = claim().overrule(PARA, "0.01").line(PARA, "0.5", "1").valuate();
			assertEquals(amount("0.01"), single.approved());
		}

		@Test
		void cutQuantityIsWhatIsValued_ruleDecisions13() {
			// Maximum 10, 7 used: 3 of the 5 asked x 10 = 30.
			ClaimValuation valuation = claim().product(coverWith(cover(PARA).maxQuantity(10, 10)))
					.earlierLine(PARA, "2024-02-01", "7").line(PARA, "5", "10").valuate();

			assertAmount("30", valuation.approved());
		}
	}

	@Nested
	class Limitations {

		@Test
		void fixedLimitCapsEachUnit() {
			// 3 x 10 = 30, capped at 3 x 8 = 24.
			ClaimValuation valuation = claim().product(coverWith(cover(PARA).limits(LimitTerms.fixed("8", "8")))).line(PARA, "3", "10").valuate();

			assertAmount("24", valuation.line(0).approved());
		}

		@Test
		void coInsurancePaysItsPercentage() {
			// 3 x 10 = 30 x 80 % = 24.
			ClaimValuation valuation = claim().product(coverWith(cover(PARA).limits(LimitTerms.coInsurance("80", "80")))).line(PARA, "3", "10").valuate();

			assertAmount("24", valuation.line(0).approved());
		}

		@Test
		void coInsuranceOfDecimalAmountsStaysExact_ruleDecisions23() {
			// 3 x 10.10 = 30.30 x 75 % = 22.725 on the line; total rounded half-up = 22.73.
			ClaimValuation valuation = claim().overrule(PARA, "10.10")
					.product(coverWith(cover(PARA).limits(LimitTerms.coInsurance("75", "75")))).line(PARA, "3", "10").valuate();

			assertAmount("22.725", valuation.line(0).approved());
			assertEquals(amount("22.73"), valuation.approved());
		}

		@Test
		void deductibleComesBeforeCoInsurance() {
			// (30 - deductible 10) x 80 % = 16.
			ClaimValuation valuation = claim().product(coverWith(cover(PARA).limits(LimitTerms.coInsurance("80", "80")))
					.deductibles(AllowanceTerms.treatment(LevelAmounts.general("10")))).line(PARA, "3", "10").valuate();

			assertAmount("10", valuation.line(0).deducted());
			assertAmount("16", valuation.line(0).approved());
		}
	}

	@Nested
	class Deductibles {

		@Test
		void deductibleLargerThanALineAbsorbsItAndCarriesOver_ruleDecisions17() {
			// Treatment deductible 50. Lines 30, 40, 50:
			// line 1: 30 taken, paid 0; line 2: 20 left taken, paid 20; line 3: nothing left, paid 50. Total 70, deducted 50.
			ClaimValuation valuation = claim().product(fullCover("PRD").deductibles(AllowanceTerms.treatment(LevelAmounts.general("50"))))
					.line(PARA, "3", "10").line(GAUZE, "8", "5").line(OTHR, "1", "50").valuate();

			assertAmount("30", valuation.line(0).deducted());
			assertAmount("0", valuation.line(0).approved());
			assertAmount("20", valuation.line(1).deducted());
			assertAmount("20", valuation.line(1).approved());
			assertAmount("0", valuation.line(2).deducted());
			assertAmount("50", valuation.line(2).approved());
			assertEquals(amount("70.00"), valuation.approved());
			assertEquals(amount("50.00"), valuation.deducted());
		}

		@Test
		void insureeDeductibleLessTheInsureesEarlierUse_ruleDecisions18() {
			// Insuree deductible 100; this insuree used 60 on POL-1 (another member's 25 does not count): 40 left.
			// Line 30: 30 taken, paid 0; line 50: 10 taken, paid 40.
			ClaimValuation valuation = claim().product(fullCover("PRD").deductibles(AllowanceTerms.insuree(LevelAmounts.general("100"))))
					.usage("E1", "POL-1", "INS-1", false, "60", "0")
					.usage("E2", "POL-1", "INS-2", false, "25", "0")
					.line(PARA, "3", "10").line(OTHR, "1", "50").valuate();

			assertAmount("30", valuation.line(0).deducted());
			assertAmount("10", valuation.line(1).deducted());
			assertAmount("40", valuation.line(1).approved());
			assertEquals(amount("40.00"), valuation.deducted());
		}

		@Test
		void policyDeductibleLessTheFamilysEarlierUse_ruleDecisions18() {
			// Policy deductible 100 - 60 - 25 = 15 left; line 30: 15 taken, paid 15.
			ClaimValuation valuation = claim().product(fullCover("PRD").deductibles(AllowanceTerms.policy(LevelAmounts.general("100"))))
					.usage("E1", "POL-1", "INS-1", false, "60", "0")
					.usage("E2", "POL-1", "INS-2", false, "25", "0")
					.line(PARA, "3", "10").valuate();

			assertAmount("15", valuation.line(0).deducted());
			assertAmount("15", valuation.line(0).approved());
		}

		@Test
		void earlierClaimCountsOnceWhateverItsVersions_ruleDecisions18() {
			// E1 (60) is listed twice: 100 - 60 = 40 left, not -20. Line 50: 40 taken, paid 10.
			ClaimValuation valuation = claim().product(fullCover("PRD").deductibles(AllowanceTerms.insuree(LevelAmounts.general("100"))))
					.usage("E1", "POL-1", "INS-1", false, "60", "0")
					.usage("E1", "POL-1", "INS-1", false, "60", "0")
					.line(OTHR, "1", "50").valuate();

			assertAmount("40", valuation.line(0).deducted());
			assertAmount("10", valuation.line(0).approved());
		}

		@Test
		void usageOnAnotherPolicyDoesNotCount_ruleDecisions18() {
			ClaimValuation valuation = claim().product(fullCover("PRD").deductibles(AllowanceTerms.insuree(LevelAmounts.general("100"))))
					.usage("E1", "POL-9", "INS-1", false, "60", "0")
					.line(OTHR, "1", "50").valuate();

			assertAmount("50", valuation.line(0).deducted());
			assertAmount("0", valuation.approved());
		}

		@Test
		void treatmentLevelWinsOverInsureeAndPolicy_ruleDecisions19() {
			// Treatment 20, insuree 100, policy 300: 20 applies. Line 50: 20 taken, paid 30.
			ClaimValuation valuation = claim().product(fullCover("PRD").deductibles(new AllowanceTerms(
					LevelAmounts.general("20"), LevelAmounts.general("100"), LevelAmounts.general("300"))))
					.line(OTHR, "1", "50").valuate();

			assertAmount("20", valuation.line(0).deducted());
			assertAmount("30", valuation.line(0).approved());
		}

		@Test
		void insureeLevelWinsOverPolicy_ruleDecisions19() {
			// Insuree 30 less 5 used = 25 (the policy's 100 - 5 = 95 would take the whole 50). Line 50: 25 taken, paid 25.
			ClaimValuation valuation = claim().product(fullCover("PRD").deductibles(new AllowanceTerms(
					null, LevelAmounts.general("30"), LevelAmounts.general("100"))))
					.usage("E1", "POL-1", "INS-1", false, "5", "0")
					.line(OTHR, "1", "50").valuate();

			assertAmount("25", valuation.line(0).deducted());
			assertAmount("25", valuation.line(0).approved());
		}

		@Test
		void generalAmountComesBeforeTheCareTypeVariant() {
			// General policy deductible 10 applies before an out-patient treatment deductible 30. Line 50: paid 40.
			ClaimValuation valuation = claim().product(fullCover("PRD").deductibles(new AllowanceTerms(
					LevelAmounts.split(null, "30"), null, LevelAmounts.general("10"))))
					.line(OTHR, "1", "50").valuate();

			assertAmount("10", valuation.line(0).deducted());
		}

		@Test
		void outPatientAndInPatientVariantsFollowTheClaimType() {
			// Treatment deductible IP 200 / OP 20, interpretation I. One day: OP 20, line 50 paid 30.
			// Stay 10-12 March: IP 200 absorbs the 50, paid 0.
			ProductBuilder product = fullCover("PRD").deductibles(AllowanceTerms.treatment(LevelAmounts.split("200", "20")));

			ClaimValuation oneDay = claim().product(product).line(OTHR, "1", "50").valuate();
			ClaimValuation stay = claim().to("2024-03-12").product(product).line(OTHR, "1", "50").valuate();

			assertAmount("30", oneDay.approved());
			assertAmount("50", stay.line(0).deducted());
			assertAmount("0", stay.approved());
			assertTrue(stay.usage().get(0).hospitalVisit());
		}
	}

	@Nested
	class Ceilings {

		@Test
		void treatmentCeilingCutsTheLineThatReachesIt() {
			// Ceiling 100. Line 80 paid 80; line 50: 20 left, paid 20, 30 over the ceiling.
			ClaimValuation valuation = claim().product(fullCover("PRD").ceilings(AllowanceTerms.treatment(LevelAmounts.general("100"))))
					.line(GAUZE, "16", "5").line(OTHR, "1", "50").valuate();

			assertAmount("80", valuation.line(0).approved());
			assertAmount("20", valuation.line(1).approved());
			assertAmount("30", valuation.line(1).exceedCeiling());
			assertEquals(amount("100.00"), valuation.approved());
			assertEquals(amount("100.00"), valuation.ceilingUsed());
		}

		@Test
		void deductibleThenCeiling() {
			// Deductible 20, ceiling 50. Line 40: 20 deducted, 20 paid; line 40: 30 of the ceiling left, paid 30, 10 over.
			ClaimValuation valuation = claim().product(fullCover("PRD")
					.deductibles(AllowanceTerms.treatment(LevelAmounts.general("20")))
					.ceilings(AllowanceTerms.treatment(LevelAmounts.general("50"))))
					.line(PARA, "4", "10").line(GAUZE, "8", "5").valuate();

			assertAmount("20", valuation.line(0).approved());
			assertAmount("30", valuation.line(1).approved());
			assertAmount("10", valuation.line(1).exceedCeiling());
			assertEquals(amount("50.00"), valuation.approved());
			assertEquals(amount("20.00"), valuation.deducted());
		}

		@Test
		void facilityLevelInterpretationMakesAHospitalVisit() {
			// Ceiling IP 1000 / OP 40, interpretation H. At a hospital line 50 is paid 50; at a health centre 40, 10 over.
			ProductBuilder product = fullCover("PRD").interpretation(CeilingInterpretation.FACILITY_LEVEL)
					.ceilings(AllowanceTerms.treatment(LevelAmounts.split("1000", "40")));

			ClaimValuation hospital = claim().facility(FacilityLevel.HOSPITAL, CareType.BOTH).product(product).line(OTHR, "1", "50").valuate();
			ClaimValuation centre = claim().product(product).line(OTHR, "1", "50").valuate();

			assertAmount("50", hospital.approved());
			assertAmount("40", centre.approved());
			assertAmount("10", centre.line(0).exceedCeiling());
		}

		@Test
		void inPatientCeilingCountsOnlyEarlierHospitalUse_ruleDecisions18() {
			// Insuree IP ceiling 100; earlier hospital use 70 counts, out-patient use 50 does not: 30 left.
			// Stay line 50: paid 30, 20 over; the claim records 30 of in-patient ceiling.
			ClaimValuation valuation = claim().to("2024-03-12")
					.product(fullCover("PRD").ceilings(AllowanceTerms.insuree(LevelAmounts.split("100", null))))
					.usage("E1", "POL-1", "INS-1", true, "0", "70")
					.usage("E2", "POL-1", "INS-1", false, "0", "50")
					.line(OTHR, "1", "50").valuate();

			assertAmount("30", valuation.line(0).approved());
			assertAmount("20", valuation.line(0).exceedCeiling());
			AllowanceUsage usage = valuation.usage().get(0);
			assertEquals("CLM-1", usage.claimCode());
			assertTrue(usage.hospitalVisit());
			assertAmount("30", usage.ceilingUsed());
		}

		@Test
		void extraMembersRaiseThePolicyCeilingUpToTheMaximum() {
			// Policy ceiling 1000, threshold 4, 200 per extra member, maximum 1300.
			// 6 members: 1000 + 2 x 200 = 1400, capped at 1300; the family used 1250: 50 left. Line 80: paid 50, 30 over.
			ProductBuilder product = fullCover("PRD").ceilings(AllowanceTerms.policy(LevelAmounts.general("1000")))
					.extraMemberCeiling(new ExtraMemberCeiling(4, LevelAmounts.general("200"), LevelAmounts.general("1300")));

			ClaimValuation valuation = claim().policies(policy("POL-1", product.build()).members(6).build())
					.usage("E1", "POL-1", "INS-2", false, "0", "1250")
					.line(GAUZE, "16", "5").valuate();

			assertAmount("50", valuation.line(0).approved());
			assertAmount("30", valuation.line(0).exceedCeiling());
		}

		@Test
		void extraMembersOnlyCountAboveTheThreshold() {
			// 5 members: 1000 + 200 = 1200 (under the maximum); 1150 used: 50 left, line 80 paid 50.
			// 4 members: 1000; 950 used: 50 left, line 80 paid 50; 1150 used would leave nothing.
			ProductBuilder product = fullCover("PRD").ceilings(AllowanceTerms.policy(LevelAmounts.general("1000")))
					.extraMemberCeiling(new ExtraMemberCeiling(4, LevelAmounts.general("200"), LevelAmounts.general("1300")));

			assertAmount("50", claim().policies(policy("POL-1", product.build()).members(5).build())
					.usage("E1", "POL-1", "INS-2", false, "0", "1150").line(GAUZE, "16", "5").valuate().approved());
			assertAmount("0", claim().policies(policy("POL-1", product.build()).members(4).build())
					.usage("E1", "POL-1", "INS-2", false, "0", "1150").line(GAUZE, "16", "5").valuate().approved());
		}

		@Test
		void extraMembersAreTheMembersCoveredOnTheDateOfCare() {
			// Policy ceiling 1000, threshold 4, 200 per extra member, maximum 1300; the family used 950.
			// On the 2024 policy: four members from the start, one moved to another family on 2024-03-05 (last
			// covered day), one added on 2024-03-20.
			// Care on 2024-03-01: 5 covered: 1000 + 200 = 1200, 250 left, line 80 paid 80.
			// Care on 2024-03-10: 4 covered: 1000, 50 left, line 80 paid 50, 30 over.
			// Care on 2024-03-25: 5 covered again (the added one): 1200, line 80 paid 80.
			LocalDate effective = LocalDate.parse("2024-01-01");
			LocalDate expiry = LocalDate.parse("2024-12-31");
			List<MemberCover.Cover> family = new java.util.ArrayList<>();
			for (int member = 0; member < 4; member++) {
				family.add(MemberCover.of(effective, expiry, List.of(), "AC", null));
			}
			family.add(MemberCover.ofFormerMember(effective, expiry,
					List.of(new MemberCover.Row(null, LocalDate.parse("2024-03-05"), "moved to family F2")), "AC", null));
			family.add(MemberCover.of(effective, expiry, List.of(new MemberCover.Row(LocalDate.parse("2024-03-20"), null, "joined the family")),
					"AC", null));
			ProductBuilder product = fullCover("PRD").ceilings(AllowanceTerms.policy(LevelAmounts.general("1000")))
					.extraMemberCeiling(new ExtraMemberCeiling(4, LevelAmounts.general("200"), LevelAmounts.general("1300")));

			assertEquals(5, MemberCover.coveredOn(family, LocalDate.parse("2024-03-01")));
			assertEquals(4, MemberCover.coveredOn(family, LocalDate.parse("2024-03-10")));
			assertEquals(5, MemberCover.coveredOn(family, LocalDate.parse("2024-03-25")));
			assertAmount("80", claim().from("2024-03-01").policies(policy("POL-1", product.build()).members(5).build())
					.usage("E1", "POL-1", "INS-2", false, "0", "950").line(GAUZE, "16", "5").valuate().approved());
			ClaimValuation tenth = claim().policies(policy("POL-1", product.build()).members(4).build())
					.usage("E1", "POL-1", "INS-2", false, "0", "950").line(GAUZE, "16", "5").valuate();
			assertAmount("50", tenth.approved());
			assertAmount("30", tenth.line(0).exceedCeiling());
			assertAmount("80", claim().from("2024-03-25").claimed("2024-03-26").policies(policy("POL-1", product.build()).members(5).build())
					.usage("E1", "POL-1", "INS-2", false, "0", "950").line(GAUZE, "16", "5").valuate().approved());
		}

		@Test
		void outPatientExtraMemberCeilingUsesTheOutPatientFigures() {
			// OP policy ceiling 100, threshold 1, 50 per extra OP member, OP maximum 180; 4 members:
			// 100 + 3 x 50 = 250, capped at 180. Nothing used: line 200 paid 180, 20 over.
			ProductBuilder product = fullCover("PRD").ceilings(AllowanceTerms.policy(LevelAmounts.split(null, "100")))
					.extraMemberCeiling(new ExtraMemberCeiling(1, LevelAmounts.split(null, "50"), LevelAmounts.split(null, "180")));

			ClaimValuation valuation = claim().policies(policy("POL-1", product.build()).members(4).build()).line(GAUZE, "40", "5").valuate();

			assertAmount("180", valuation.approved());
			assertAmount("20", valuation.line(0).exceedCeiling());
		}

		@Test
		void ceilingExclusionUsesTheAdultFlagForAdultsAndTheChildFlagForChildren_ruleDecisions20() {
			// Treatment ceiling 20; OTHR excluded on non-hospital visits for adults only. One-day claim, line 50:
			// adult: outside the ceiling, paid 50; child: paid 20, 30 over.
			ProductBuilder product = coverWith(cover(OTHR).ceilingExclusion(CeilingExclusion.NON_HOSPITAL, CeilingExclusion.NONE))
					.ceilings(AllowanceTerms.treatment(LevelAmounts.general("20")));

			ClaimValuation adult = claim().product(product).line(OTHR, "1", "50").valuate();
			ClaimValuation child = claim().insuree(CHILD).product(product).line(OTHR, "1", "50").valuate();

			assertAmount("50", adult.approved());
			assertAmount("0", adult.line(0).exceedCeiling());
			assertAmount("0", adult.ceilingUsed());
			assertAmount("20", child.approved());
			assertAmount("30", child.line(0).exceedCeiling());
		}

		@Test
		void hospitalExclusionAppliesOnlyToHospitalVisits_ruleDecisions20() {
			// Excluded on hospital visits (H): one day, line 50 paid 20 (ceiling 20); a stay pays 50.
			ProductBuilder product = coverWith(cover(OTHR).ceilingExclusion(CeilingExclusion.HOSPITAL, CeilingExclusion.HOSPITAL))
					.ceilings(AllowanceTerms.treatment(LevelAmounts.general("20")));

			assertAmount("20", claim().product(product).line(OTHR, "1", "50").valuate().approved());
			assertAmount("50", claim().to("2024-03-11").product(product).line(OTHR, "1", "50").valuate().approved());
		}
	}

	@Nested
	class CategoriesAndTotals {

		@Test
		void categoryAmountCapLimitsTheClaimsLines_ruleDecisions22() {
			// Consultation claim, maximum 150 per consultation claim. CONS 100 paid 100; item 80: 50 left, paid 50,
			// 30 over the category. Total 150 = 100 + 50.
			ClaimValuation valuation = claim().product(fullCover("PRD").maxAmount(ServiceCategory.CONSULTATION, "150"))
					.line(CONS, "1", "100").line(PARA, "8", "10").valuate();

			assertAmount("100", valuation.line(0).approved());
			assertAmount("50", valuation.line(1).approved());
			assertAmount("30", valuation.line(1).exceedCategory());
			assertEquals(amount("150.00"), valuation.approved());
		}

		@Test
		void categoryCapOfAnotherCategoryDoesNotApply_ruleDecisions22() {
			// Surgery outranks consultation, so the consultation cap of 150 plays no part: 1000 + 100.
			ClaimValuation valuation = claim().product(fullCover("PRD").maxAmount(ServiceCategory.CONSULTATION, "150"))
					.line(SURG, "1", "1000").line(CONS, "1", "100").valuate();

			assertEquals(amount("1100.00"), valuation.approved());
		}

		@Test
		void rejectedLinesAreNotValued() {
			ClaimValuation valuation = claim().offPriceList(GAUZE).line(PARA, "3", "10").line(GAUZE, "2", "5").valuate();

			assertAmount("0", valuation.line(1).approved());
			assertEquals(amount("30.00"), valuation.approved());
		}

		@Test
		void rejectedClaimIsNotValued() {
			ClaimValuation valuation = claim().claimed("2024-03-01").line(PARA, "3", "10").valuate();

			assertEquals(amount("0.00"), valuation.approved());
			assertTrue(valuation.usage().isEmpty());
		}

		@Test
		void eachPolicyKeepsItsOwnAllowancesAndTotalsAreTheSumOfLines_ruleDecisions22() {
			// PARA on POL-A (deductible 10): 30 - 10 = 20. CONS on POL-B (ceiling 60): 100 -> 60, 40 over.
			// Approved 20 + 60 = 80; deducted 10; ceiling used 20 (POL-A, no ceiling) + 60 = 80.
			InsureePolicy a = policy("POL-A", ProductBuilder.product("A").coversInFull(PARA)
					.deductibles(AllowanceTerms.treatment(LevelAmounts.general("10"))).build()).build();
			InsureePolicy b = policy("POL-B", ProductBuilder.product("B").coversInFull(CONS)
					.ceilings(AllowanceTerms.treatment(LevelAmounts.general("60"))).build()).build();

			ClaimValuation valuation = claim().policies(a, b).line(PARA, "3", "10").line(CONS, "1", "100").valuate();

			assertAmount("20", valuation.line(0).approved());
			assertAmount("60", valuation.line(1).approved());
			assertAmount("40", valuation.line(1).exceedCeiling());
			assertEquals(amount("80.00"), valuation.approved());
			assertEquals(amount("10.00"), valuation.deducted());
			assertEquals(amount("80.00"), valuation.ceilingUsed());
			assertEquals(2, valuation.usage().size());
			assertEquals("POL-A", valuation.usage().get(0).policyId());
			assertAmount("10", valuation.usage().get(0).deducted());
			assertAmount("60", valuation.usage().get(1).ceilingUsed());
		}
	}
}
