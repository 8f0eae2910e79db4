package org.imisfhir.programme;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.param.TokenParam;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Basic;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Reference;
import org.imisfhir.outcome.ImisRuleException;
import org.imisfhir.programme.rules.VoucherStatus;
import org.imisfhir.programme.rules.VoucherStatusChange;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Consumption of a health voucher by an enrolment: the voucher must exist and be new; it becomes used in the
 * enrolment's own transaction, written with If-Match on the version read, so that of two enrolments racing for
 * one voucher exactly one commits and the other is refused with 409.
 */
@Component
public class VoucherLedger {

	private final DaoRegistry daos;

	public VoucherLedger(DaoRegistry daos) {
		this.daos = daos;
	}

	/** Adds to an enrolment transaction the entry that marks the voucher used by the policy {@code policyUrn}. */
	public void consume(Bundle transaction, String number, String policyUrn, String why) {
		List<IBaseResource> found = daos.getResourceDao(Basic.class)
				.search(SearchParameterMap.newSynchronous("voucher-number", new TokenParam(Vouchers.NUMBER_SYSTEM, number)),
						new SystemRequestDetails())
				.getResources(0, 1);
		if (found.isEmpty()) {
			throw ImisRuleException.businessRule(ProgrammeViolation.VOUCHER_UNKNOWN, number);
		}
		Basic voucher = (Basic) found.get(0);
		VoucherStatus status = Vouchers.status(voucher);
		if (!VoucherStatusChange.consumable(status)) {
			throw ImisRuleException.conflict(ProgrammeViolation.VOUCHER_NOT_NEW, number, status.code());
		}
		String version = voucher.getIdElement().getVersionIdPart();
		Vouchers.changeStatus(voucher, VoucherStatus.USED, null, why);
		Extension details = voucher.getExtensionByUrl(Vouchers.DETAILS);
		details.getExtension().removeIf(e -> "usedBy".equals(e.getUrl()));
		details.addExtension("usedBy", new Reference(policyUrn));
		transaction.addEntry().setResource(voucher).getRequest()
				.setMethod(Bundle.HTTPVerb.PUT)
				.setUrl("Basic/" + voucher.getIdElement().getIdPart())
				.setIfMatch("W/\"" + version + "\"");
	}
}
