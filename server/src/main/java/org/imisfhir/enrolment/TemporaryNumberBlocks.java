package org.imisfhir.enrolment;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.api.dao.IFhirResourceDao;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.SortOrderEnum;
import ca.uhn.fhir.rest.api.SortSpec;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.param.NumberParam;
import ca.uhn.fhir.rest.param.ParamPrefixEnum;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.exceptions.ResourceVersionConflictException;
import java.math.BigDecimal;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Basic;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.imisfhir.enrolment.rules.TemporaryNumberAllocation;
import org.imisfhir.enrolment.rules.TemporaryNumberBlock;
import org.imisfhir.enrolment.rules.TemporaryNumberFormat;
import org.imisfhir.outcome.ImisRuleException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The blocks of temporary numbers allocated to enrolment officers, each stored as a Basic of profile
 * imis-temporary-number-block (subject the officer, the range and the device in an extension, the first number as
 * a unique identifier). A block starts after the highest one allocated; two allocations racing for the same start
 * are told apart by the identifier's uniqueness, and the loser takes the next range.
 */
@Component
public class TemporaryNumberBlocks {

	public static final String PROFILE = "https://imis-fhir.org/fhir/StructureDefinition/imis-temporary-number-block";
	public static final String DETAILS = "https://imis-fhir.org/fhir/StructureDefinition/temporary-number-block";
	public static final String BLOCK_SYSTEM = "https://imis-fhir.org/fhir/sid/temporary-number-block";
	public static final String KIND_SYSTEM = "https://imis-fhir.org/fhir/CodeSystem/basic-resource-type";
	public static final String KIND = "temporary-number-block";
	private static final int ATTEMPTS = 5;
	private static final Logger LOG = LoggerFactory.getLogger(TemporaryNumberBlocks.class);

	private final DaoRegistry daos;
	private final TemporaryNumberFormat format;

	public TemporaryNumberBlocks(DaoRegistry daos, TemporaryNumberFormat format) {
		this.daos = daos;
		this.format = format;
	}

	/** Allocates the next block of {@code count} numbers to the officer (and device, when given). */
	public Basic allocate(TemporaryNumberAllocation allocation, String officerId, String device, int count) {
		for (int attempt = 1; ; attempt++) {
			TemporaryNumberAllocation.Result result = allocation.next(highestAllocated(), count, officerId, device);
			if (result.refusal() == TemporaryNumberAllocation.Refusal.COUNT_OUT_OF_RANGE) {
				throw ImisRuleException.businessRule(EnrolmentViolation.TEMPORARY_NUMBERS_COUNT, count, allocation.maxBlock());
			}
			if (result.refusal() == TemporaryNumberAllocation.Refusal.EXHAUSTED) {
				throw ImisRuleException.businessRule(EnrolmentViolation.TEMPORARY_NUMBERS_EXHAUSTED, count);
			}
			try {
				Basic block = toResource(result.block());
				String id = dao().create(block, new SystemRequestDetails()).getId().getIdPart();
				LOG.info("Temporary numbers {} to {} allocated to Practitioner/{}{}", format.format(result.block().first()),
						format.format(result.block().last()), officerId, device == null ? "" : " (device " + device + ")");
				return dao().read(new org.hl7.fhir.r4.model.IdType("Basic", id), new SystemRequestDetails());
			} catch (ResourceVersionConflictException raced) {
				if (attempt >= ATTEMPTS) {
					throw raced;
				}
			}
		}
	}

	/** The block holding a temporary number, when one does. */
	public Optional<TemporaryNumberBlock> blockOf(String number) {
		java.util.OptionalLong sequence = format.sequenceOf(number);
		if (sequence.isEmpty()) {
			return Optional.empty();
		}
		SearchParameterMap query = blocks()
				.add("temporary-block-first", new NumberParam().setPrefix(ParamPrefixEnum.LESSTHAN_OR_EQUALS).setValue(BigDecimal.valueOf(sequence.getAsLong())))
				.add("temporary-block-last", new NumberParam().setPrefix(ParamPrefixEnum.GREATERTHAN_OR_EQUALS).setValue(BigDecimal.valueOf(sequence.getAsLong())));
		List<IBaseResource> found = dao().search(query, new SystemRequestDetails()).getResources(0, 1);
		return found.isEmpty() ? Optional.empty() : Optional.of(toBlock((Basic) found.get(0)));
	}

	private long highestAllocated() {
		SearchParameterMap query = blocks();
		query.setSort(new SortSpec("temporary-block-last", SortOrderEnum.DESC));
		query.setCount(1);
		List<IBaseResource> found = dao().search(query, new SystemRequestDetails()).getResources(0, 1);
		return found.isEmpty() ? 0 : toBlock((Basic) found.get(0)).last();
	}

	private SearchParameterMap blocks() {
		return SearchParameterMap.newSynchronous("code", new TokenParam(KIND_SYSTEM, KIND));
	}

	private Basic toResource(TemporaryNumberBlock block) {
		Basic basic = new Basic();
		basic.getMeta().addProfile(PROFILE);
		basic.addIdentifier().setSystem(BLOCK_SYSTEM).setValue(format.format(block.first()));
		basic.setCode(new CodeableConcept(new Coding(KIND_SYSTEM, KIND, "Block of temporary insurance numbers")));
		basic.setSubject(new Reference("Practitioner/" + block.officer()));
		basic.setCreated(new Date());
		Extension details = basic.addExtension().setUrl(DETAILS);
		details.addExtension("first", new StringType(format.format(block.first())));
		details.addExtension("last", new StringType(format.format(block.last())));
		details.addExtension("firstSequence", new IntegerType(Math.toIntExact(block.first())));
		details.addExtension("lastSequence", new IntegerType(Math.toIntExact(block.last())));
		if (block.device() != null) {
			details.addExtension("device", new StringType(block.device()));
		}
		return basic;
	}

	static TemporaryNumberBlock toBlock(Basic basic) {
		Extension details = basic.getExtensionByUrl(DETAILS);
		Extension device = details.getExtensionByUrl("device");
		return new TemporaryNumberBlock(
				basic.getSubject().getReferenceElement().getIdPart(),
				device == null ? null : device.getValue().primitiveValue(),
				((IntegerType) details.getExtensionByUrl("firstSequence").getValue()).getValue(),
				((IntegerType) details.getExtensionByUrl("lastSequence").getValue()).getValue());
	}

	@SuppressWarnings("unchecked")
	private IFhirResourceDao<Basic> dao() {
		return daos.getResourceDao(Basic.class);
	}
}
