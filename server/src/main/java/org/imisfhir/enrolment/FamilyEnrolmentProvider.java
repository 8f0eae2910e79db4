package org.imisfhir.enrolment;

import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.annotation.OperationParam;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Group;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.imisfhir.app.ImisOperationProvider;
import org.springframework.stereotype.Component;

/**
 * {@code Group/$enrol}: registers a family and its members, and optionally sells it a policy on a product with
 * its value and dates computed, in one atomic step. Every write is conditional on
 * the insurance numbers (members) and the family code (the head's number), so an offline client that sends the
 * same enrolment again gets the same resources back and nothing is created twice. Members carrying temporary
 * numbers (enrolled offline) go through {@link OfflineEnrolments}: the numbers are checked and the permanent ones
 * given before the write.
 */
@Component
public class FamilyEnrolmentProvider implements ImisOperationProvider {

	private final FamilyEnrolmentWriter writer;
	private final OfflineEnrolments offline;

	public FamilyEnrolmentProvider(FamilyEnrolmentWriter writer, OfflineEnrolments offline) {
		this.writer = writer;
		this.offline = offline;
	}

	/**
	 * @param family the family, without members
	 * @param members the insurees in registration order, the head flagged with patient-is-head
	 * @param product optional: a product code or "InsurancePlan/id" to sell the family a new policy on
	 * @param enrolDate the policy's enrolment date (default today)
	 * @param officer the enrolment officer (Practitioner or PractitionerRole reference)
	 * @param voucher optional: the number of a health voucher the policy uses (it must be new; it becomes used)
	 * @param device optional: the device that enrolled the family offline (for temporary numbers of a device's block)
	 */
	@Operation(name = "$enrol", type = Group.class)
	public Bundle enrol(
			@OperationParam(name = "family", min = 1, max = 1) Group family,
			@OperationParam(name = "member", min = 1, max = OperationParam.MAX_UNLIMITED) List<Patient> members,
			@OperationParam(name = "product", max = 1) StringType product,
			@OperationParam(name = "enrolDate", max = 1) DateType enrolDate,
			@OperationParam(name = "officer", max = 1) Reference officer,
			@OperationParam(name = "voucher", max = 1) StringType voucher,
			@OperationParam(name = "device", max = 1) StringType device,
			RequestDetails request) {
		FamilyEnrolmentWriter.checkShape(family, members);
		if (offline.carriesTemporaryNumbers(members)) {
			return offline.enrolOne(new OfflineEnrolments.Entry(family, members, product, enrolDate, officer, voucher),
					officer, device == null ? null : device.getValue(), request);
		}
		return writer.write(family, members, product, enrolDate, officer, voucher, request).stored();
	}
}
