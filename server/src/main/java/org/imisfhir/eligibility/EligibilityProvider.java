package org.imisfhir.eligibility;

import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.annotation.OperationParam;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.CoverageEligibilityRequest;
import org.hl7.fhir.r4.model.CoverageEligibilityResponse;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Money;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.UnsignedIntType;
import org.imisfhir.app.ImisOperationProvider;
import org.imisfhir.app.ImisProperties;
import org.imisfhir.claim.ClaimContextLoader;
import org.imisfhir.claim.ClaimViolation;
import org.imisfhir.claim.MemberCoverReader;
import org.imisfhir.claim.rules.AllowanceResolver.Scope;
import org.imisfhir.claim.rules.InsureeHistory;
import org.imisfhir.claim.rules.InsureePolicy;
import org.imisfhir.claim.rules.MedicalRef;
import org.imisfhir.claim.rules.ServiceCategory;
import org.imisfhir.conformance.openimis.IgShapeNormaliser;
import org.imisfhir.eligibility.rules.EligibilityCalculator;
import org.imisfhir.eligibility.rules.ItemBalance;
import org.imisfhir.eligibility.rules.PolicyBalance;
import org.imisfhir.outcome.ImisRuleException;
import org.imisfhir.registry.catalogue.CatalogueCodes;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code CoverageEligibilityRequest/$submit}: an insuree's policies in force on the date of care (default
 * today) with what is left of each (counts, amounts, deductibles, ceilings) and, when the request names an item
 * or service, its quantity left and the first day it is covered. Answers a CoverageEligibilityResponse in the
 * openIMIS IG's shape; nothing is stored.
 */
@Component
public class EligibilityProvider implements ImisOperationProvider {

	static final String IG = "https://openimis.github.io/openimis_fhir_r4_ig/";
	static final String BENEFIT_TYPE = IG + "CodeSystem/coverage-item-benefit-type";
	static final String ITEM_CATEGORY = IG + "CodeSystem/coverage-item-category";
	static final String CLAIM_ITEM_CATEGORY = IG + "CodeSystem/claim-item-category";

	private static final Map<ServiceCategory, String[]> CATEGORY_CODES = Map.of(
			ServiceCategory.HOSPITALIZATION, new String[] {"admissions_left", "hospitalization_amount"},
			ServiceCategory.VISIT, new String[] {"visits_left", null},
			ServiceCategory.CONSULTATION, new String[] {"consultations_left", "consultation_amount"},
			ServiceCategory.SURGERY, new String[] {"surgeries_left", "surgery_amount"},
			ServiceCategory.DELIVERY, new String[] {"deliveries_left", "delivery_amount"},
			ServiceCategory.ANTENATAL, new String[] {"antenatal_left", "antenatal_amount"});

	private final ClaimContextLoader loader;
	private final MemberCoverReader covers;
	private final org.imisfhir.claim.InsureeHistoryReader histories;
	private final EligibilityCalculator calculator = new EligibilityCalculator();
	private final String currency;

	public EligibilityProvider(ClaimContextLoader loader, MemberCoverReader covers, org.imisfhir.claim.InsureeHistoryReader histories,
			ImisProperties properties) {
		this.loader = loader;
		this.covers = covers;
		this.histories = histories;
		this.currency = properties.getRegistry().getCurrency();
	}

	@Operation(name = "$submit", type = CoverageEligibilityRequest.class, idempotent = false)
	public CoverageEligibilityResponse submit(@OperationParam(name = "resource", min = 1, max = 1) CoverageEligibilityRequest request) {
		if (request != null) {
			// the openIMIS IG's shape: item categories also coded as our eligibility reads them (decision 0025)
			new IgShapeNormaliser().normalise(request);
		}
		if (request == null || (!request.getPatient().hasReference() && !request.getPatient().hasIdentifier())) {
			throw ImisRuleException.businessRule(ClaimViolation.ELIGIBILITY_PATIENT_REQUIRED);
		}
		Patient patient = loader.patient(request.getPatient());
		LocalDate date = request.hasServicedDateType()
				? LocalDate.parse(request.getServicedDateType().getValueAsString().substring(0, 10))
				: LocalDate.now();
		String insureeId = "Patient/" + patient.getIdElement().getIdPart();
		List<Coverage> coverages = covers.policiesOf(patient);
		List<InsureePolicy> policies = covers.insureePolicies(coverages, patient, date);
		InsureeHistory history = histories.history(null, insureeId, coverages);
		boolean adult = !ClaimContextLoader.birthDateOf(patient).plusYears(loader.ageOfMajority()).isAfter(date);
		Optional<MedicalRef> asked = askedItem(request);
		List<PolicyBalance> balances = calculator.balances(policies, history, insureeId, adult, date, asked);

		CoverageEligibilityResponse response = new CoverageEligibilityResponse();
		for (Identifier identifier : request.getIdentifier()) {
			response.addIdentifier(identifier.copy());
		}
		response.setStatus(CoverageEligibilityResponse.EligibilityResponseStatus.ACTIVE);
		response.addPurpose(CoverageEligibilityResponse.EligibilityResponsePurpose.BENEFITS);
		response.setPatient(new Reference(insureeId));
		response.setServiced(new DateType(date.toString()));
		response.setCreated(new Date());
		response.setRequest(request.hasId() ? new Reference("CoverageEligibilityRequest/" + request.getIdElement().getIdPart())
				: new Reference().setDisplay("enquiry of " + date));
		response.setOutcome(org.hl7.fhir.r4.model.Enumerations.RemittanceOutcome.COMPLETE);
		response.setInsurer(request.hasInsurer() ? request.getInsurer().copy() : new Reference().setDisplay("Insurance organisation"));
		for (PolicyBalance balance : balances) {
			insurance(response, balance, request);
		}
		if (balances.isEmpty()) {
			response.setDisposition("No policy in force on " + date);
		}
		return response;
	}

	private void insurance(CoverageEligibilityResponse response, PolicyBalance balance, CoverageEligibilityRequest request) {
		InsureePolicy policy = balance.policy();
		CoverageEligibilityResponse.InsuranceComponent insurance = response.addInsurance()
				.setCoverage(new Reference(policy.policyId()))
				.setInforce(true);
		insurance.getBenefitPeriod()
				.setStartElement(new org.hl7.fhir.r4.model.DateTimeType(policy.coveredSince(serviced(response)).toString()))
				.setEndElement(new org.hl7.fhir.r4.model.DateTimeType(policy.coveredThrough(serviced(response)).toString()));
		CoverageEligibilityResponse.ItemsComponent benefits = insurance.addItem()
				.setCategory(new CodeableConcept(new Coding(ITEM_CATEGORY, "benefit", "Benefit Package")))
				.setName(policy.product().code());
		balance.claimsLeft().forEach((category, left) -> {
			String[] codes = CATEGORY_CODES.get(category);
			if (codes != null) {
				benefits.addBenefit().setType(type(codes[0])).setAllowed(new UnsignedIntType(left));
			}
		});
		balance.maximumAmounts().forEach((category, amount) -> {
			String[] codes = CATEGORY_CODES.get(category);
			if (codes != null && codes[1] != null) {
				benefits.addBenefit().setType(type(codes[1])).setAllowed(money(amount));
			}
		});
		amount(benefits, "total_deduction", balance.deductibleLeft().get(Scope.GENERAL));
		amount(benefits, "hospital_deduction", balance.deductibleLeft().get(Scope.IN_PATIENT));
		amount(benefits, "non_hospital_deduction", balance.deductibleLeft().get(Scope.OUT_PATIENT));
		amount(benefits, "total_ceiling", balance.ceilingLeft().get(Scope.GENERAL));
		amount(benefits, "hospital_ceiling", balance.ceilingLeft().get(Scope.IN_PATIENT));
		amount(benefits, "non_hospital_ceiling", balance.ceilingLeft().get(Scope.OUT_PATIENT));
		balance.item().ifPresent(item -> itemBalance(insurance, item, request));
	}

	private static void itemBalance(CoverageEligibilityResponse.InsuranceComponent insurance, ItemBalance item,
			CoverageEligibilityRequest request) {
		CoverageEligibilityResponse.ItemsComponent line = insurance.addItem()
				.setCategory(new CodeableConcept(new Coding(ITEM_CATEGORY, item.ref().isService() ? "service" : "item", null)))
				.setProductOrService(new CodeableConcept(new Coding(
						item.ref().isService() ? CatalogueCodes.SERVICE_CODE : CatalogueCodes.ITEM_CODE, item.ref().code(), null))
						.setText(item.ref().code()))
				.setExcluded(!item.covered());
		if (item.covered()) {
			if (item.quantityLeft() != null) {
				line.addBenefit().setType(type("item_left")).setAllowed(new UnsignedIntType(item.quantityLeft()));
			}
			line.addBenefit().setType(type("min_date_item")).setAllowed(new StringType(item.coveredFrom().toString()));
		}
	}

	/** The item or service asked: productOrService with a code of ours, else the IG's category + text (the code). */
	private static LocalDate serviced(CoverageEligibilityResponse response) {
		return LocalDate.parse(response.getServicedDateType().getValueAsString().substring(0, 10));
	}

	static Optional<MedicalRef> askedItem(CoverageEligibilityRequest request) {
		if (request.getItem().isEmpty()) {
			return Optional.empty();
		}
		CoverageEligibilityRequest.DetailsComponent item = request.getItemFirstRep();
		for (Coding coding : item.getProductOrService().getCoding()) {
			if (CatalogueCodes.SERVICE_CODE.equals(coding.getSystem())) {
				return Optional.of(MedicalRef.service(coding.getCode()));
			}
			if (CatalogueCodes.ITEM_CODE.equals(coding.getSystem())) {
				return Optional.of(MedicalRef.item(coding.getCode()));
			}
		}
		String code = item.getProductOrService().getText();
		if (code == null || code.isBlank()) {
			return Optional.empty();
		}
		boolean service = item.getCategory().getCoding().stream()
				.anyMatch(c -> CLAIM_ITEM_CATEGORY.equals(c.getSystem()) && "service".equals(c.getCode()));
		return Optional.of(service ? MedicalRef.service(code) : MedicalRef.item(code));
	}

	private static CodeableConcept type(String code) {
		return new CodeableConcept(new Coding(BENEFIT_TYPE, code, null));
	}

	private void amount(CoverageEligibilityResponse.ItemsComponent benefits, String code, BigDecimal amount) {
		if (amount != null) {
			benefits.addBenefit().setType(type(code)).setAllowed(money(amount));
		}
	}

	private Money money(BigDecimal amount) {
		Money money = new Money();
		money.setValue(amount);
		money.setCurrency(currency);
		return money;
	}
}
