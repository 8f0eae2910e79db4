package org.imisfhir.enrolment;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.annotation.OperationParam;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import org.hl7.fhir.r4.model.Basic;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.StringType;
import org.imisfhir.app.ImisOperationProvider;
import org.imisfhir.app.ImisProperties;
import org.imisfhir.enrolment.rules.TemporaryNumberAllocation;
import org.imisfhir.enrolment.rules.TemporaryNumberBlock;
import org.imisfhir.enrolment.rules.TemporaryNumberFormat;
import org.imisfhir.outcome.ImisRuleException;
import org.springframework.stereotype.Component;

/**
 * {@code Practitioner/[id]/$allocate-temporary-numbers}: gives an enrolment officer (and optionally one of their
 * devices) a block of temporary insurance numbers to enrol with while offline (seed 003, Cameroon).
 */
@Component
public class TemporaryNumberProvider implements ImisOperationProvider {

	private static final String QUALIFICATION_SYSTEM = "https://openimis.github.io/openimis_fhir_r4_ig/CodeSystem/practitioner-qualification-type";

	private final DaoRegistry daos;
	private final TemporaryNumberBlocks blocks;
	private final TemporaryNumberFormat format;
	private final TemporaryNumberAllocation allocation;

	public TemporaryNumberProvider(DaoRegistry daos, TemporaryNumberBlocks blocks, TemporaryNumberFormat format, ImisProperties properties) {
		this.daos = daos;
		this.blocks = blocks;
		this.format = format;
		this.allocation = new TemporaryNumberAllocation(format, properties.getEnrolment().getTemporaryNumbers().getMaxBlock());
	}

	@Operation(name = "$allocate-temporary-numbers", type = Practitioner.class)
	public Parameters allocate(
			@IdParam IdType officerId,
			@OperationParam(name = "count", min = 1, max = 1) IntegerType count,
			@OperationParam(name = "device", max = 1) StringType device) {
		Practitioner officer = daos.getResourceDao(Practitioner.class).read(officerId.toUnqualifiedVersionless(), new SystemRequestDetails());
		boolean enrolmentOfficer = officer.getQualification().stream()
				.flatMap(q -> q.getCode().getCoding().stream())
				.anyMatch(c -> QUALIFICATION_SYSTEM.equals(c.getSystem()) && "EO".equals(c.getCode()));
		if (!enrolmentOfficer) {
			throw ImisRuleException.businessRule(EnrolmentViolation.TEMPORARY_NUMBERS_NOT_AN_OFFICER, "Practitioner/" + officerId.getIdPart());
		}
		int asked = count == null || count.getValue() == null ? 0 : count.getValue();
		String deviceId = device == null || device.isEmpty() || device.getValue().isBlank() ? null : device.getValue().trim();
		Basic stored = blocks.allocate(allocation, officer.getIdElement().getIdPart(), deviceId, asked);
		TemporaryNumberBlock block = TemporaryNumberBlocks.toBlock(stored);

		Parameters out = new Parameters();
		out.addParameter().setName("block").setResource(stored);
		out.addParameter().setName("first").setValue(new StringType(format.format(block.first())));
		out.addParameter().setName("last").setValue(new StringType(format.format(block.last())));
		out.addParameter().setName("count").setValue(new IntegerType(Math.toIntExact(block.count())));
		for (long sequence = block.first(); sequence <= block.last(); sequence++) {
			out.addParameter().setName("number").setValue(new StringType(format.format(sequence)));
		}
		return out;
	}
}
