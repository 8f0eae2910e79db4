package org.imisfhir.claim.rules;

import org.imisfhir.enrolment.rules.PolicyStatus;
import org.imisfhir.enrolment.rules.PolicyStage;

import static org.imisfhir.claim.rules.Amounts.amount;
import static org.imisfhir.claim.rules.Amounts.assertAmount;
import static org.imisfhir.claim.rules.ClaimScenario.ADULT;
import static org.imisfhir.claim.rules.ClaimScenario.ANC;
import static org.imisfhir.claim.rules.ClaimScenario.CHILD;
import static org.imisfhir.claim.rules.ClaimScenario.CONS;
import static org.imisfhir.claim.rules.ClaimScenario.DELIV;
import static org.imisfhir.claim.rules.ClaimScenario.GAUZE;
import static org.imisfhir.claim.rules.ClaimScenario.OTHR;
import static org.imisfhir.claim.rules.ClaimScenario.PARA;
import static org.imisfhir.claim.rules.ClaimScenario.SURG;
import static org.imisfhir.claim.rules.ClaimScenario.claim;
import static org.imisfhir.claim.rules.ClaimScenario.fullCover;
import static org.imisfhir.claim.rules.CoverageBuilder.cover;
import static org.imisfhir.claim.rules.PolicyBuilder.policy;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ClaimCheckerTest {

	private static List<RejectionReason> reasons(ClaimCheck check) {
		return check.lines().stream().map(LineCheck::reason).toList();
	}

	@Nested
	class ClaimLevel {

		@Test
		void claimedBeforeTreatmentStartedRejectsClaimAndLines_ruleDecisions12() {
			// date from 2024-03-10, claimed 2024-03-09: one day too early.
			ClaimCheck check = claim().claimed("2024-03-09").line(PARA, "1", "10").line(CONS, "1", "100").check();

			assertEquals(ClaimStatus.REJECTED, check.status());
			assertEquals(RejectionReason.TARGET_DATE, check.reason());
			assertEquals(List.of(RejectionReason.TARGET_DATE, RejectionReason.TARGET_DATE), reasons(check));
		}

		@Test
		void claimedOnTheDayTreatmentStartedIsChecked_ruleDecisions12() {
			ClaimCheck check = claim().claimed("2024-03-10").line(PARA, "1", "10").check();

			assertEquals(ClaimStatus.CHECKED, check.status());
			assertEquals(RejectionReason.ACCEPTED, check.line(0).reason());
		}

		@Test
		void claimWithoutDatesIsRejectedOnTargetDate() {
			ClaimCheck check = claim().from(null).to(null).line(PARA, "1", "10").check();

			assertEquals(RejectionReason.TARGET_DATE, check.reason());
		}

		@Test
		void noPolicyOnTheTargetDateRejectsEveryLineWithFamily_ruleDecisions11() {
			// The only policy ended the day before the treatment.
			ClaimCheck check = claim()
					.policies(policy("POL-1", fullCover("PRD").build()).policyPeriod("2023-03-10", "2024-03-09").build())
					.line(PARA, "1", "10").line(CONS, "1", "100").check();

			assertEquals(ClaimStatus.REJECTED, check.status());
			assertEquals(RejectionReason.FAMILY, check.reason());
			assertEquals(List.of(RejectionReason.FAMILY, RejectionReason.FAMILY), reasons(check));
		}

		@Test
		void idlePolicyDoesNotCover_ruleDecisions11() {
			ClaimCheck check = claim()
					.policies(policy("POL-1", fullCover("PRD").build()).status(PolicyStatus.IDLE).build())
					.line(PARA, "1", "10").check();

			assertEquals(RejectionReason.FAMILY, check.reason());
		}

		@Test
		void expiredPolicyStillCoversTreatmentOnItsLastDay() {
			ClaimCheck check = claim()
					.policies(policy("POL-1", fullCover("PRD").build()).status(PolicyStatus.EXPIRED)
							.policyPeriod("2023-03-11", "2024-03-10").build())
					.line(PARA, "1", "10").check();

			assertEquals(ClaimStatus.CHECKED, check.status());
		}

		@Test
		void invalidInsureeIsRejectedWithFamily() {
			ClaimCheck check = claim().insuree(new Insuree("INS-1", ADULT.birthDate(), Gender.MALE, false))
					.line(PARA, "1", "10").check();

			assertEquals(RejectionReason.FAMILY, check.reason());
			assertEquals(RejectionReason.FAMILY, check.line(0).reason());
		}

		@Test
		void stayOutlastingEveryPolicyIsRejectedWithNoCoverage() {
			// Stay 2024-03-10 to 2024-03-15; the policy ends 2024-03-12.
			ClaimCheck check = claim().to("2024-03-15")
					.policies(policy("POL-1", fullCover("PRD").build()).policyPeriod("2023-03-13", "2024-03-12").build())
					.line(CONS, "1", "100").check();

			assertEquals(RejectionReason.NO_COVERAGE, check.reason());
			assertEquals(RejectionReason.NO_COVERAGE, check.line(0).reason());
		}

		@Test
		void careWhileTheInsureeWasInactiveIsRejectedWithFamily() {
			// Inactive on 2024-03-05, active again on 2024-03-20: 2024-03-06 .. 2024-03-19 uncovered.
			// Care on 2024-03-05 and 2024-03-20 is covered, on 2024-03-10 (the default date) and 2024-03-19 not.
			InsureePolicy interrupted = policy("POL-1", fullCover("PRD").build()).gap("2024-03-06", "2024-03-19").build();

			assertEquals(RejectionReason.FAMILY, claim().policies(interrupted).line(PARA, "1", "10").check().reason());
			assertEquals(RejectionReason.FAMILY, claim().from("2024-03-19").claimed("2024-03-31").policies(interrupted).line(PARA, "1", "10").check().reason());
			assertEquals(ClaimStatus.CHECKED, claim().from("2024-03-05").claimed("2024-03-31").policies(interrupted).line(PARA, "1", "10").check().status());
			assertEquals(ClaimStatus.CHECKED, claim().from("2024-03-20").claimed("2024-03-31").policies(interrupted).line(PARA, "1", "10").check().status());
		}

		@Test
		void stayRunningIntoAnInactiveTimeIsRejectedWithNoCoverage() {
			// Stay 2024-03-01 to 2024-03-08; covered to 2024-03-05, then uncovered to 2024-03-19.
			InsureePolicy interrupted = policy("POL-1", fullCover("PRD").build()).gap("2024-03-06", "2024-03-19").build();

			ClaimCheck check = claim().from("2024-03-01").to("2024-03-08").policies(interrupted).line(CONS, "1", "100").check();

			assertEquals(RejectionReason.NO_COVERAGE, check.reason());
			assertEquals(LocalDate.parse("2024-03-05"), interrupted.coveredThrough(LocalDate.parse("2024-03-01")));
			assertEquals(LocalDate.parse("2024-03-20"), interrupted.coveredSince(LocalDate.parse("2024-03-25")));
			assertEquals(LocalDate.parse("2024-12-31"), interrupted.coveredThrough(LocalDate.parse("2024-03-25")));
		}

		@Test
		void claimWhoseLinesAreAllRejectedIsRejectedWithReason1() {
			ClaimCheck check = claim().offPriceList(PARA).validTo(CONS, "2024-03-01")
					.line(PARA, "1", "10").line(CONS, "1", "100").check();

			assertEquals(ClaimStatus.REJECTED, check.status());
			assertEquals(RejectionReason.INVALID_ITEM_OR_SERVICE, check.reason());
			assertEquals(List.of(RejectionReason.NOT_IN_PRICE_LIST, RejectionReason.INVALID_ITEM_OR_SERVICE), reasons(check));
		}
	}

	@Nested
	class LineChecks {

		@Test
		void itemDeletedBeforeTheTargetDateIsInvalid() {
			ClaimCheck check = claim().validTo(PARA, "2024-03-09").line(PARA, "1", "10").line(CONS, "1", "100").check();

			assertEquals(RejectionReason.INVALID_ITEM_OR_SERVICE, check.line(0).reason());
			assertEquals(LineStatus.REJECTED, check.line(0).status());
			assertEquals(ClaimStatus.CHECKED, check.status());
		}

		@Test
		void itemMissingFromTheCatalogueIsInvalid() {
			ClaimCheck check = claim().withoutCatalogueEntry(GAUZE).line(GAUZE, "1", "5").line(PARA, "1", "10").check();

			assertEquals(List.of(RejectionReason.INVALID_ITEM_OR_SERVICE, RejectionReason.ACCEPTED), reasons(check));
		}

		@Test
		void itemOffThePriceListIsRejectedWhileOtherLinesPass() {
			ClaimCheck check = claim().offPriceList(PARA).line(PARA, "1", "10").line(CONS, "1", "100").check();

			assertEquals(List.of(RejectionReason.NOT_IN_PRICE_LIST, RejectionReason.ACCEPTED), reasons(check));
			assertEquals(LineStatus.PASSED, check.line(1).status());
		}

		@Test
		void outPatientFacilityRejectsInPatientItem() {
			ClaimCheck check = claim().facility(FacilityLevel.HEALTH_CENTRE, CareType.OUT_PATIENT).careType(PARA, CareType.IN_PATIENT)
					.line(PARA, "1", "10").line(CONS, "1", "100").check();

			assertEquals(List.of(RejectionReason.CARE_TYPE, RejectionReason.ACCEPTED), reasons(check));
		}

		@Test
		void outPatientFacilityRejectsEveryLineOfAStay() {
			ClaimCheck check = claim().to("2024-03-12").facility(FacilityLevel.HEALTH_CENTRE, CareType.OUT_PATIENT)
					.line(PARA, "1", "10").line(CONS, "1", "100").check();

			assertEquals(List.of(RejectionReason.CARE_TYPE, RejectionReason.CARE_TYPE), reasons(check));
		}

		@Test
		void inPatientFacilityRejectsOutPatientService() {
			ClaimCheck check = claim().facility(FacilityLevel.HOSPITAL, CareType.IN_PATIENT).careType(CONS, CareType.OUT_PATIENT)
					.line(CONS, "1", "100").line(PARA, "1", "10").check();

			assertEquals(List.of(RejectionReason.CARE_TYPE, RejectionReason.ACCEPTED), reasons(check));
		}

		@Test
		void serviceForWomenOnlyIsRejectedForAMan() {
			// Mask 2 | 4 | 8 = 14: female, adult or child. The man's mask is 1 | 4 = 5; 14 & 5 = 4 != 5.
			ClaimCheck check = claim().patientCategory(DELIV, PatientCategory.FEMALE | PatientCategory.ADULT | PatientCategory.CHILD)
					.line(DELIV, "1", "500").line(PARA, "1", "10").check();

			assertEquals(RejectionReason.PATIENT_CATEGORY, check.line(0).reason());
		}

		@Test
		void childrenOnlyItemPassesForAGirlNotForAnAdult_ruleDecisions2() {
			// Mask 1 | 2 | 8 = 11; the girl (born 2015) is 8 on 2024-03-10: mask 2 | 8 = 10, 11 & 10 = 10 passes.
			int childrenOnly = PatientCategory.MALE | PatientCategory.FEMALE | PatientCategory.CHILD;

			assertEquals(RejectionReason.PATIENT_CATEGORY,
					claim().patientCategory(PARA, childrenOnly).line(PARA, "1", "10").check().line(0).reason());
			assertEquals(RejectionReason.ACCEPTED,
					claim().insuree(CHILD).patientCategory(PARA, childrenOnly).line(PARA, "1", "10").check().line(0).reason());
		}

		@Test
		void insureeTurning18OnTheTargetDateIsAnAdult_ruleDecisions2() {
			int childrenOnly = PatientCategory.MALE | PatientCategory.FEMALE | PatientCategory.CHILD;
			Insuree eighteenToday = new Insuree("INS-1", Amounts.date("2006-03-10"), Gender.MALE, true);
			Insuree eighteenTomorrow = new Insuree("INS-1", Amounts.date("2006-03-11"), Gender.MALE, true);

			assertEquals(RejectionReason.PATIENT_CATEGORY,
					claim().insuree(eighteenToday).patientCategory(PARA, childrenOnly).line(PARA, "1", "10").check().line(0).reason());
			assertEquals(RejectionReason.ACCEPTED,
					claim().insuree(eighteenTomorrow).patientCategory(PARA, childrenOnly).line(PARA, "1", "10").check().line(0).reason());
		}

		@Test
		void repeatWithinTheFrequencyIsRejected_ruleDecisions15() {
			// Frequency 30 days; the same item 2024-02-20, 19 days before 2024-03-10.
			ClaimCheck check = claim().frequency(PARA, 30).earlierLine(PARA, "2024-02-20", "1")
					.line(PARA, "1", "10").line(CONS, "1", "100").check();

			assertEquals(List.of(RejectionReason.FREQUENCY, RejectionReason.ACCEPTED), reasons(check));
		}

		@Test
		void laterClaimWithinTheFrequencyAlsoCounts_ruleDecisions15() {
			// The other claim is dated 2024-03-25, 15 days after this one.
			ClaimCheck check = claim().frequency(PARA, 30).earlierLine(PARA, "2024-03-25", "1").line(PARA, "1", "10").check();

			assertEquals(RejectionReason.FREQUENCY, check.line(0).reason());
		}

		@Test
		void laterClaimFrequencyDaysAwayPasses_ruleDecisions15() {
			// 2024-03-10 to 2024-04-09 = 21 days left in March + 9 = 30 days, not fewer than 30.
			ClaimCheck check = claim().frequency(PARA, 30).earlierLine(PARA, "2024-04-09", "1").line(PARA, "1", "10").check();

			assertEquals(RejectionReason.ACCEPTED, check.line(0).reason());
		}

		@Test
		void repeatExactlyFrequencyDaysApartPasses_ruleDecisions15() {
			// 2024-02-09 to 2024-03-10 = 20 days left in February (leap year) + 10 = 30 days, not fewer than 30.
			ClaimCheck check = claim().frequency(PARA, 30).earlierLine(PARA, "2024-02-09", "1")
					.earlierLine(GAUZE, "2024-03-09", "1").line(PARA, "1", "10").check();

			assertEquals(RejectionReason.ACCEPTED, check.line(0).reason());
		}

		@Test
		void itemNoProductCoversIsRejected3() {
			ClaimCheck check = claim().product(ProductBuilder.product("PRD").coversInFull(CONS))
					.line(PARA, "1", "10").line(CONS, "1", "100").check();

			assertEquals(List.of(RejectionReason.NO_PRODUCT_FOUND, RejectionReason.ACCEPTED), reasons(check));
		}

		@Test
		void reviewAndAiRejectionsAreKept() {
			ClaimCheck check = claim()
					.line(ClaimLine.of(PARA, "1", "10").rejectedInReview(RejectionReason.MEDICAL_OFFICER))
					.line(ClaimLine.of(GAUZE, "1", "5").rejectedInReview(RejectionReason.AI_EVALUATION))
					.line(CONS, "1", "100").check();

			assertEquals(List.of(RejectionReason.MEDICAL_OFFICER, RejectionReason.AI_EVALUATION, RejectionReason.ACCEPTED), reasons(check));
			assertEquals(-1, check.line(0).reason().code());
			assertEquals(-2, check.line(1).reason().code());
		}

		@Test
		void passedLineCarriesProductPolicyOriginAndLimitation() {
			ClaimCheck check = claim()
					.product(ProductBuilder.product("PRD").covers(cover(PARA).origin(PriceOrigin.RELATIVE).limits(LimitTerms.coInsurance("80", "60"))))
					.line(PARA, "2", "10").check();

			LineCheck line = check.line(0);
			assertEquals(LineStatus.PASSED, line.status());
			assertEquals("POL-1", line.assignment().policy().policyId());
			assertEquals("PRD", line.assignment().product().code());
			assertEquals(PriceOrigin.RELATIVE, line.assignment().priceOrigin());
			assertEquals(Limitation.CO_INSURANCE, line.assignment().limitation());
			assertAmount("80", line.assignment().limitationValue());
			assertAmount("2", line.quantity());
		}
	}

	/** A product covering a group of services by code pattern, as Chèque Santé covers its transport tariffs. */
	@Nested
	class BenefitGroups {

		private final MedicalRef tr12 = MedicalRef.service("TR0012");
		private final MedicalRef tr99 = MedicalRef.service("TR0099");

		private ClaimScenario transport() {
			return claim()
					.withCatalogueEntry(ClaimScenario.service(tr12, ServiceCategory.OTHER, "2500"))
					.withCatalogueEntry(ClaimScenario.service(tr99, ServiceCategory.OTHER, "4000"))
					.product(ProductBuilder.product("CCS").coversInFull(CONS)
							.covers(CoverageBuilder.coverGroup("TR[0-9]{4}").onlyOn(VisitType.REFERRAL)));
		}

		@Test
		void everyTariffTheGroupPatternMatchesIsCoveredOnAReferral() {
			// TR0012 and TR0099 both match TR[0-9]{4}; neither is named on the product.
			ClaimCheck check = transport().visit(VisitType.REFERRAL)
					.line(tr12, "1", "2500").line(tr99, "1", "4000").line(CONS, "1", "100").check();

			assertEquals(List.of(RejectionReason.ACCEPTED, RejectionReason.ACCEPTED, RejectionReason.ACCEPTED), reasons(check));
			assertEquals("CCS", check.line(0).assignment().product().code());
			assertEquals(tr12, check.line(0).assignment().product().coverageOf(tr12).orElseThrow().ref());
		}

		@Test
		void theGroupCoversNothingOnAnotherVisitType() {
			// visit type other: the transport cover is for referrals only, so no product covers TR0012 (3);
			// the consultation, covered on every visit type, passes.
			ClaimCheck check = transport().line(tr12, "1", "2500").line(CONS, "1", "100").check();

			assertEquals(List.of(RejectionReason.NO_PRODUCT_FOUND, RejectionReason.ACCEPTED), reasons(check));
		}

		@Test
		void aTariffOffTheFacilitysPriceListIsRejected2EvenOnAReferral() {
			// TR0099 is another location's tariff: not on this facility's price lists.
			ClaimCheck check = transport().visit(VisitType.REFERRAL).offPriceList(tr99)
					.line(tr12, "1", "2500").line(tr99, "1", "4000").check();

			assertEquals(List.of(RejectionReason.ACCEPTED, RejectionReason.NOT_IN_PRICE_LIST), reasons(check));
		}

		@Test
		void aServiceNamedOnTheProductKeepsItsOwnTermsOverTheGroup() {
			// TR0012 named with a 3-month waiting period; the group (no waiting) still covers TR0099.
			// Policy effective 2024-01-01 + 3 months = 2024-04-01, after the care on 2024-03-10.
			ClaimCheck check = claim()
					.withCatalogueEntry(ClaimScenario.service(tr12, ServiceCategory.OTHER, "2500"))
					.withCatalogueEntry(ClaimScenario.service(tr99, ServiceCategory.OTHER, "4000"))
					.product(ProductBuilder.product("CCS").covers(cover(tr12).waitingMonths(3, 3))
							.covers(CoverageBuilder.coverGroup("TR[0-9]{4}")))
					.line(tr12, "1", "2500").line(tr99, "1", "4000").check();

			assertEquals(List.of(RejectionReason.WAITING_PERIOD, RejectionReason.ACCEPTED), reasons(check));
		}

		@Test
		void theWholeCodeMustMatch() {
			// XTR0012 contains a match but is not one: not covered (3).
			MedicalRef other = MedicalRef.service("XTR0012");
			ClaimCheck check = transport().visit(VisitType.REFERRAL)
					.withCatalogueEntry(ClaimScenario.service(other, ServiceCategory.OTHER, "100"))
					.line(other, "1", "100").check();

			assertEquals(List.of(RejectionReason.NO_PRODUCT_FOUND), reasons(check));
		}
	}

	@Nested
	class WaitingPeriods {

		private ProductBuilder waiting(int adultMonths, int childMonths) {
			return ProductBuilder.product("PRD").covers(cover(PARA).waitingMonths(adultMonths, childMonths)).coversInFull(CONS);
		}

		@Test
		void newPolicyWaitsBeforeCovering() {
			// Cover from 2024-01-01 + 3 months = 2024-04-01; the treatment on 2024-03-10 is before it.
			ClaimCheck check = claim().policies(policy("POL-1", waiting(3, 1).build()).build())
					.line(PARA, "1", "10").line(CONS, "1", "100").check();

			assertEquals(List.of(RejectionReason.WAITING_PERIOD, RejectionReason.ACCEPTED), reasons(check));
		}

		@Test
		void childUsesTheChildWaitingPeriod_ruleDecisions2() {
			// Child: 2024-01-01 + 1 month = 2024-02-01, before 2024-03-10.
			ClaimCheck check = claim().insuree(CHILD).policies(policy("POL-1", waiting(3, 1).build()).build())
					.line(PARA, "1", "10").check();

			assertEquals(RejectionReason.ACCEPTED, check.line(0).reason());
		}

		@Test
		void renewalDoesNotWaitForMembersCoveredFromItsStart() {
			ClaimCheck check = claim().policies(policy("POL-1", waiting(3, 1).build()).stage(PolicyStage.RENEWAL).build())
					.line(PARA, "1", "10").check();

			assertEquals(RejectionReason.ACCEPTED, check.line(0).reason());
		}

		@Test
		void memberJoiningARenewalLaterWaits() {
			// Joined 2024-02-01 + 3 months = 2024-05-01.
			ClaimCheck check = claim().policies(policy("POL-1", waiting(3, 1).build()).stage(PolicyStage.RENEWAL)
					.insureePeriod("2024-02-01", "2024-12-31").build()).line(PARA, "1", "10").check();

			assertEquals(RejectionReason.WAITING_PERIOD, check.line(0).reason());
		}
	}

	@Nested
	class SeveralPolicies {

		@Test
		void lineTakesTheFailureOfTheFirstProductInOrder() {
			// Order by policy effective + waiting: POL-B 2024-02-01 (no waiting) before POL-A 2024-01-01 + 6 months.
			// POL-B has no quantity left (maximum 0), POL-A is in its waiting period: the line takes 16.
			InsureePolicy a = policy("POL-A", ProductBuilder.product("A").covers(cover(PARA).waitingMonths(6, 6)).build()).build();
			InsureePolicy b = policy("POL-B", ProductBuilder.product("B").covers(cover(PARA).maxQuantity(0, 0)).build())
					.policyPeriod("2024-02-01", "2025-01-31").build();

			ClaimCheck check = claim().policies(a, b).line(PARA, "1", "10").check();

			assertEquals(RejectionReason.QUANTITY_OVER_LIMIT, check.line(0).reason());
		}

		@Test
		void anotherPolicyPaysWhenTheFirstHasNothingLeft() {
			InsureePolicy exhausted = policy("POL-A", ProductBuilder.product("A").covers(cover(PARA).maxQuantity(2, 2)).build()).build();
			InsureePolicy open = policy("POL-B", ProductBuilder.product("B").coversInFull(PARA).build())
					.stage(PolicyStage.RENEWAL).policyPeriod("2024-03-01", "2025-02-28").build();

			ClaimCheck check = claim().policies(exhausted, open).earlierLine(PARA, "2024-02-01", "2").line(PARA, "1", "10").check();

			assertEquals(LineStatus.PASSED, check.line(0).status());
			assertEquals("POL-B", check.line(0).assignment().policy().policyId());
		}
	}

	@Nested
	class MaximumQuantity {

		private ClaimScenario limitedTo10() {
			return claim().product(ProductBuilder.product("PRD").covers(cover(PARA).maxQuantity(10, 4)));
		}

		@Test
		void partlyUsedMaximumCutsTheQuantity_ruleDecisions13() {
			// Maximum 10, 7 used earlier in the period, 5 asked: 3 remain, the line passes with 3 and says it was cut.
			LineCheck line = limitedTo10().earlierLine(PARA, "2024-02-01", "7").line(PARA, "5", "10").check().line(0);

			assertEquals(LineStatus.PASSED, line.status());
			assertAmount("3", line.quantity());
			assertTrue(line.quantityCut());
		}

		@Test
		void quantityWithinTheMaximumIsKept_ruleDecisions13() {
			// 5 used + 5 asked = 10, exactly the maximum.
			LineCheck line = limitedTo10().earlierLine(PARA, "2024-02-01", "5").line(PARA, "5", "10").check().line(0);

			assertAmount("5", line.quantity());
			assertFalse(line.quantityCut());
		}

		@Test
		void nothingLeftRejects16_ruleDecisions13() {
			// 4 + 6 = 10 used: nothing remains.
			LineCheck line = limitedTo10().earlierLine(PARA, "2024-01-15", "4").earlierLine(PARA, "2024-02-15", "6")
					.line(PARA, "1", "10").check().line(0);

			assertEquals(RejectionReason.QUANTITY_OVER_LIMIT, line.reason());
		}

		@Test
		void useBeforeThePolicyPeriodDoesNotCount_ruleDecisions13() {
			LineCheck line = limitedTo10().earlierLine(PARA, "2023-12-20", "10").line(PARA, "5", "10").check().line(0);

			assertAmount("5", line.quantity());
		}

		@Test
		void childMaximumAndApprovedQuantityApply_ruleDecisions13() {
			// Child maximum 4, 2.5 used, 3 provided but 2 approved: 1.5 remain (decimal quantities, rule-decisions 23).
			LineCheck line = limitedTo10().insuree(CHILD).earlierLine(PARA, "2024-02-01", "2.5")
					.line(ClaimLine.of(PARA, "3", "10").approved(amount("2"), null)).check().line(0);

			assertAmount("1.5", line.quantity());
			assertTrue(line.quantityCut());
		}
	}

	@Nested
	class CategoryMaxima {

		@Test
		void consultationsOverTheMaximumRejectOnlyTheServiceLines_ruleDecisions14() {
			// Maximum 2 consultations; 2 earlier consultation claims in the period: the consultation line fails,
			// the item on the same claim passes.
			ClaimCheck check = claim().product(fullCover("PRD").maxCount(ServiceCategory.CONSULTATION, 2))
					.earlierClaim("E1", "2024-01-20", ServiceCategory.CONSULTATION)
					.earlierClaim("E2", "2024-02-20", ServiceCategory.CONSULTATION)
					.line(CONS, "1", "100").line(PARA, "1", "10").check();

			assertEquals(List.of(RejectionReason.MAX_CONSULTATIONS, RejectionReason.ACCEPTED), reasons(check));
			assertEquals(ClaimStatus.CHECKED, check.status());
		}

		@Test
		void anEarlierClaimCountsOnceWhateverItsVersions_ruleDecisions14_ruleDecisions18() {
			// E1 appears twice (two versions): 1 consultation used of 2.
			ClaimCheck check = claim().product(fullCover("PRD").maxCount(ServiceCategory.CONSULTATION, 2))
					.earlierClaim("E1", "2024-01-20", ServiceCategory.CONSULTATION)
					.earlierClaim("E1", "2024-01-20", ServiceCategory.CONSULTATION)
					.line(CONS, "1", "100").check();

			assertEquals(RejectionReason.ACCEPTED, check.line(0).reason());
		}

		@Test
		void maximumOfZeroAllowsNone_ruleDecisions14() {
			ClaimCheck check = claim().product(fullCover("PRD").maxCount(ServiceCategory.SURGERY, 0))
					.line(SURG, "1", "1000").line(PARA, "1", "10").check();

			assertEquals(List.of(RejectionReason.MAX_SURGERIES, RejectionReason.ACCEPTED), reasons(check));
		}

		@Test
		void deliveriesAntenatalAndVisitsHaveTheirOwnCodes_ruleDecisions14() {
			assertEquals(RejectionReason.MAX_DELIVERIES, claim().product(fullCover("PRD").maxCount(ServiceCategory.DELIVERY, 0))
					.line(DELIV, "1", "500").check().line(0).reason());
			assertEquals(RejectionReason.MAX_ANTENATAL, claim().product(fullCover("PRD").maxCount(ServiceCategory.ANTENATAL, 0))
					.line(ANC, "1", "40").check().line(0).reason());
			// Only an "other" service: the claim is a visit (rule-decisions 16).
			assertEquals(RejectionReason.MAX_VISITS, claim().product(fullCover("PRD").maxCount(ServiceCategory.VISIT, 0))
					.line(OTHR, "1", "50").check().line(0).reason());
		}

		@Test
		void stayCountsAsAnAdmission_ruleDecisions14() {
			// 2024-03-10 to 2024-03-12 is a hospitalisation; maximum 1, one earlier admission.
			ClaimCheck check = claim().to("2024-03-12").product(fullCover("PRD").maxCount(ServiceCategory.HOSPITALIZATION, 1))
					.earlierClaim("E1", "2024-02-01", ServiceCategory.HOSPITALIZATION)
					.line(CONS, "1", "100").check();

			assertEquals(RejectionReason.MAX_HOSPITAL_ADMISSIONS, check.line(0).reason());
			assertEquals(11, check.line(0).reason().code());
		}

		@Test
		void claimsBeforeThePolicyPeriodDoNotCount_ruleDecisions14() {
			ClaimCheck check = claim().product(fullCover("PRD").maxCount(ServiceCategory.CONSULTATION, 1))
					.earlierClaim("E1", "2023-11-01", ServiceCategory.CONSULTATION)
					.line(CONS, "1", "100").check();

			assertEquals(RejectionReason.ACCEPTED, check.line(0).reason());
		}
	}

	@Nested
	class Category {

		@Test
		void surgeryOutranksAntenatalAndConsultation() {
			assertEquals(ServiceCategory.SURGERY, claim().line(CONS, "1", "100").line(ANC, "1", "40").line(SURG, "1", "1000").check().category());
			assertEquals(ServiceCategory.ANTENATAL, claim().line(CONS, "1", "100").line(ANC, "1", "40").check().category());
		}

		@Test
		void stayIsAHospitalisationEvenWithAConsultation() {
			assertEquals(ServiceCategory.HOSPITALIZATION, claim().to("2024-03-11").line(CONS, "1", "100").check().category());
		}

		@Test
		void otherServicesAndItemsOnlyMakeAVisit_ruleDecisions16() {
			assertEquals(ServiceCategory.VISIT, claim().line(OTHR, "1", "50").line(PARA, "1", "10").check().category());
			assertEquals(ServiceCategory.VISIT, claim().line(PARA, "1", "10").check().category());
		}
	}
}
