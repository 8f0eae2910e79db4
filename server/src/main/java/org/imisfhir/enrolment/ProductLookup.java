package org.imisfhir.enrolment;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.exceptions.ResourceGoneException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.util.List;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.InsurancePlan;
import org.imisfhir.outcome.ImisRuleException;
import org.imisfhir.registry.product.InsurancePlanMapper;
import org.springframework.stereotype.Component;

/** Finds a product (InsurancePlan) by reference ("InsurancePlan/x") or by its code. */
@Component
public class ProductLookup {

	private final DaoRegistry daoRegistry;

	public ProductLookup(DaoRegistry daoRegistry) {
		this.daoRegistry = daoRegistry;
	}

	public InsurancePlan find(String referenceOrCode) {
		if (referenceOrCode == null || referenceOrCode.isBlank()) {
			throw ImisRuleException.businessRule(EnrolmentViolation.PRODUCT_UNKNOWN, "");
		}
		if (referenceOrCode.startsWith("InsurancePlan/")) {
			try {
				InsurancePlan plan = daoRegistry.getResourceDao(InsurancePlan.class)
						.read(new IdType(referenceOrCode), new SystemRequestDetails());
				if (plan != null) {
					return plan;
				}
			} catch (ResourceNotFoundException | ResourceGoneException e) {
				// reported below
			}
			throw ImisRuleException.businessRule(EnrolmentViolation.PRODUCT_UNKNOWN, referenceOrCode);
		}
		SearchParameterMap byCode = SearchParameterMap.newSynchronous(
				"identifier", new TokenParam(InsurancePlanMapper.PRODUCT_CODE, referenceOrCode));
		IBundleProvider found = daoRegistry.getResourceDao(InsurancePlan.class).search(byCode, new SystemRequestDetails());
		List<IBaseResource> plans = found.getResources(0, 2);
		if (plans.size() != 1) {
			throw ImisRuleException.businessRule(EnrolmentViolation.PRODUCT_UNKNOWN, referenceOrCode);
		}
		return (InsurancePlan) plans.get(0);
	}
}
