package org.imisfhir.claim.rules;

import static org.imisfhir.claim.rules.Amounts.amount;
import static org.imisfhir.claim.rules.Amounts.date;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * A claim with everything around it, built fluently. By default: a single-day claim on 2024-03-10
 * claimed 2024-03-12, visit type other, by an adult man (born 1980) at a health centre treating
 * both care types, whose price list holds the whole catalogue without overrules, under one new
 * active policy POL-1 (2024) whose product covers the whole catalogue in full, with no history.
 */
final class ClaimScenario {

	static final MedicalRef PARA = MedicalRef.item("PARA");
	static final MedicalRef GAUZE = MedicalRef.item("GAUZE");
	static final MedicalRef CONS = MedicalRef.service("CONS");
	static final MedicalRef SURG = MedicalRef.service("SURG");
	static final MedicalRef DELIV = MedicalRef.service("DELIV");
	static final MedicalRef ANC = MedicalRef.service("ANC");
	static final MedicalRef HOSP = MedicalRef.service("HOSP");
	static final MedicalRef OTHR = MedicalRef.service("OTHR");
	static final MedicalRef FPK = MedicalRef.service("FPK");
	static final MedicalRef[] ALL = {PARA, GAUZE, CONS, SURG, DELIV, ANC, HOSP, OTHR, FPK};

	static final Insuree ADULT = new Insuree("INS-1", date("1980-05-01"), Gender.MALE, true);
	static final Insuree CHILD = new Insuree("INS-1", date("2015-05-01"), Gender.FEMALE, true);

	private LocalDate dateFrom = date("2024-03-10");
	private LocalDate dateTo;
	private LocalDate dateClaimed = date("2024-03-12");
	private VisitType visitType = VisitType.OTHER;
	private Insuree insuree = ADULT;
	private FacilityLevel level = FacilityLevel.HEALTH_CENTRE;
	private CareType facilityCare = CareType.BOTH;
	private final List<CatalogueEntry> catalogue = new ArrayList<>(List.of(
			item(PARA, "10"),
			item(GAUZE, "5"),
			service(CONS, ServiceCategory.CONSULTATION, "100"),
			service(SURG, ServiceCategory.SURGERY, "1000"),
			service(DELIV, ServiceCategory.DELIVERY, "500"),
			service(ANC, ServiceCategory.ANTENATAL, "40"),
			service(HOSP, ServiceCategory.HOSPITALIZATION, "300"),
			service(OTHR, ServiceCategory.OTHER, "50"),
			service(FPK, ServiceCategory.OTHER, "200")));
	private final Map<MedicalRef, BigDecimal> overrules = new HashMap<>();
	private final Set<MedicalRef> offPriceList = new HashSet<>();
	private List<InsureePolicy> policies = List.of(PolicyBuilder.policy("POL-1", fullCover("PRD").build()).build());
	private final List<ClaimLine> lines = new ArrayList<>();
	private final List<EarlierLine> earlierLines = new ArrayList<>();
	private final List<EarlierClaim> earlierClaims = new ArrayList<>();
	private final List<AllowanceUsage> usage = new ArrayList<>();

	static ClaimScenario claim() {
		return new ClaimScenario();
	}

	static ProductBuilder fullCover(String code) {
		return ProductBuilder.product(code).coversInFull(ALL);
	}

	static CatalogueEntry item(MedicalRef ref, String price) {
		return new CatalogueEntry(ref, null, null, CareType.BOTH, 0, null, null, PackageType.SIMPLE, amount(price));
	}

	static CatalogueEntry service(MedicalRef ref, ServiceCategory category, String price) {
		PackageType packageType = ref.equals(FPK) ? PackageType.FIXED_PRICE : PackageType.SIMPLE;
		return new CatalogueEntry(ref, null, null, CareType.BOTH, 0, null, category, packageType, amount(price));
	}

	ClaimScenario from(String value) {
		dateFrom = value == null ? null : date(value);
		return this;
	}

	ClaimScenario to(String value) {
		dateTo = value == null ? null : date(value);
		return this;
	}

	ClaimScenario claimed(String value) {
		dateClaimed = date(value);
		return this;
	}

	ClaimScenario visit(VisitType value) {
		visitType = value;
		return this;
	}

	ClaimScenario insuree(Insuree value) {
		insuree = value;
		return this;
	}

	ClaimScenario facility(FacilityLevel facilityLevel, CareType careType) {
		level = facilityLevel;
		facilityCare = careType;
		return this;
	}

	ClaimScenario catalogueEntry(MedicalRef ref, UnaryOperator<CatalogueEntry> change) {
		catalogue.replaceAll(entry -> entry.ref().equals(ref) ? change.apply(entry) : entry);
		return this;
	}

	ClaimScenario careType(MedicalRef ref, CareType careType) {
		return catalogueEntry(ref, e -> new CatalogueEntry(e.ref(), e.validFrom(), e.validTo(), careType, e.patientCategory(),
				e.frequencyDays(), e.category(), e.packageType(), e.price()));
	}

	ClaimScenario patientCategory(MedicalRef ref, int mask) {
		return catalogueEntry(ref, e -> new CatalogueEntry(e.ref(), e.validFrom(), e.validTo(), e.careType(), mask,
				e.frequencyDays(), e.category(), e.packageType(), e.price()));
	}

	ClaimScenario frequency(MedicalRef ref, int days) {
		return catalogueEntry(ref, e -> new CatalogueEntry(e.ref(), e.validFrom(), e.validTo(), e.careType(), e.patientCategory(),
				days, e.category(), e.packageType(), e.price()));
	}

	ClaimScenario validTo(MedicalRef ref, String validTo) {
		return catalogueEntry(ref, e -> new CatalogueEntry(e.ref(), e.validFrom(), date(validTo), e.careType(), e.patientCategory(),
				e.frequencyDays(), e.category(), e.packageType(), e.price()));
	}

	ClaimScenario price(MedicalRef ref, String price) {
		return catalogueEntry(ref, e -> new CatalogueEntry(e.ref(), e.validFrom(), e.validTo(), e.careType(), e.patientCategory(),
				e.frequencyDays(), e.category(), e.packageType(), amount(price)));
	}

	ClaimScenario withCatalogueEntry(CatalogueEntry entry) {
		catalogue.add(entry);
		return this;
	}

	ClaimScenario withoutCatalogueEntry(MedicalRef ref) {
		catalogue.removeIf(entry -> entry.ref().equals(ref));
		return this;
	}

	ClaimScenario overrule(MedicalRef ref, String price) {
		overrules.put(ref, amount(price));
		return this;
	}

	ClaimScenario offPriceList(MedicalRef ref) {
		offPriceList.add(ref);
		return this;
	}

	ClaimScenario policies(InsureePolicy... values) {
		policies = List.of(values);
		return this;
	}

	ClaimScenario product(ProductBuilder product) {
		return policies(PolicyBuilder.policy("POL-1", product.build()).build());
	}

	ClaimScenario line(ClaimLine line) {
		lines.add(line);
		return this;
	}

	ClaimScenario line(MedicalRef ref, String quantity, String priceAsked) {
		return line(ClaimLine.of(ref, quantity, priceAsked));
	}

	ClaimScenario earlierLine(MedicalRef ref, String targetDate, String quantity) {
		earlierLines.add(new EarlierLine(ref, date(targetDate), amount(quantity)));
		return this;
	}

	ClaimScenario earlierClaim(String code, String targetDate, ServiceCategory category) {
		earlierClaims.add(new EarlierClaim(code, date(targetDate), category));
		return this;
	}

	ClaimScenario usage(String claimCode, String policyId, String insureeId, boolean hospitalVisit, String deducted, String ceilingUsed) {
		usage.add(new AllowanceUsage(claimCode, policyId, insureeId, hospitalVisit, amount(deducted), amount(ceilingUsed)));
		return this;
	}

	ClaimContext context() {
		List<PriceListEntry> priceList = new ArrayList<>();
		for (CatalogueEntry entry : catalogue) {
			if (!offPriceList.contains(entry.ref())) {
				priceList.add(new PriceListEntry(entry.ref(), overrules.get(entry.ref())));
			}
		}
		Claim claim = new Claim("CLM-1", dateFrom, dateTo, dateClaimed, visitType, lines);
		return new ClaimContext(claim, insuree, new Facility(level, facilityCare, priceList), new Catalogue(catalogue),
				policies, new InsureeHistory(earlierLines, earlierClaims, usage));
	}

	ClaimCheck check() {
		return new ClaimChecker().check(context());
	}

	ClaimValuation valuate() {
		ClaimContext context = context();
		return new ClaimValuator().valuate(context, new ClaimChecker().check(context));
	}
}
