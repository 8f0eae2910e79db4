package org.imisfhir.conformance;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.IInstanceValidatorModule;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import ca.uhn.fhir.validation.ValidationResult;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Resource;
import org.imisfhir.conformance.openimis.IgProfiles;
import org.imisfhir.outcome.ProfileViolationException;

/**
 * Validates a resource against the base specification and every profile it declares (after declaring the
 * profile required for its type, see {@link RequiredProfileAssigner}) before it is stored, and refuses it with 422 when
 * an error is found. Uses the same validator as {@code $validate}.
 */
@Interceptor
public class ProfileEnforcingInterceptor {

	static final int ORDER = 0;

	private final FhirValidator validator;
	private final Set<String> skippedTypes;
	private final RequiredProfileAssigner profileAssigner;
	private final java.util.concurrent.atomic.AtomicLong validations = new java.util.concurrent.atomic.AtomicLong();

	public ProfileEnforcingInterceptor(
			FhirContext fhirContext,
			IInstanceValidatorModule instanceValidator,
			RequiredProfileAssigner profileAssigner,
			Set<String> skippedTypes) {
		this.profileAssigner = profileAssigner;
		this.validator = fhirContext.newValidator();
		this.validator.registerValidatorModule(instanceValidator);
		this.skippedTypes = Set.copyOf(skippedTypes);
	}

	@Hook(value = Pointcut.STORAGE_PRESTORAGE_RESOURCE_CREATED, order = ORDER)
	public void beforeCreate(IBaseResource resource, RequestDetails request) {
		enforce(resource, request);
	}

	@Hook(value = Pointcut.STORAGE_PRESTORAGE_RESOURCE_UPDATED, order = ORDER)
	public void beforeUpdate(IBaseResource oldResource, IBaseResource newResource, RequestDetails request) {
		enforce(newResource, request);
	}

	/** Declares the required profile; validates unless the server marked the write as trusted (decisions 0033, 0034). */
	private void enforce(IBaseResource resource, RequestDetails request) {
		if (TrustedServerWrite.isTrusted(request)) {
			if (!skippedTypes.contains(resource.fhirType())) {
				profileAssigner.assign(resource);
			}
		} else {
			enforce(resource);
		}
	}

	/** Resources validated since start-up (for tests and diagnostics). */
	public long validationCount() {
		return validations.get();
	}

	void enforce(IBaseResource resource) {
		String type = resource.fhirType();
		if (skippedTypes.contains(type)) {
			return;
		}
		profileAssigner.assign(resource);
		validations.incrementAndGet();
		// Validate a copy: HAPI validates the raw request body kept with a parsed resource, which would miss
		// the profile declared above and any change made on the server.
		Resource copy = ((Resource) resource).copy();
		// The openIMIS IG's profiles are accepted as declarations but not installed: ours stands for them
		copy.getMeta().getProfile().removeIf(p -> IgProfiles.isIgProfile(p.getValue()));
		ValidationResult result = validator.validateWithResult(copy);
		for (SingleValidationMessage message : result.getMessages()) {
			if (message.getSeverity().ordinal() >= ResultSeverityEnum.ERROR.ordinal()) {
				throw new ProfileViolationException(
						type + " does not conform to its profiles: " + message.getLocationString() + ": " + message.getMessage(),
						result.toOperationOutcome());
			}
		}
	}
}
