package org.imisfhir.conformance.openimis;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Normalises the openIMIS IG's shapes ({@link IgShapeNormaliser}) on every write, before profiles are enforced and
 * before the area rules read the resource.
 */
@Interceptor
public class IgShapeInterceptor {

	private static final Logger log = LoggerFactory.getLogger(IgShapeInterceptor.class);
	/** Before {@code ProfileEnforcingInterceptor} (order 0) and the rules interceptors. */
	static final int ORDER = -100;

	private final IgShapeNormaliser normaliser = new IgShapeNormaliser();

	@Hook(value = Pointcut.STORAGE_PRESTORAGE_RESOURCE_CREATED, order = ORDER)
	public void beforeCreate(IBaseResource resource) {
		normalise(resource);
	}

	@Hook(value = Pointcut.STORAGE_PRESTORAGE_RESOURCE_UPDATED, order = ORDER)
	public void beforeUpdate(IBaseResource oldResource, IBaseResource newResource) {
		normalise(newResource);
	}

	public void normalise(IBaseResource resource) {
		if (resource instanceof Resource r4 && normaliser.normalise(r4)) {
			log.debug("{} in the openIMIS IG's shape normalised; profiles {}", r4.fhirType(), r4.getMeta().getProfile());
		}
	}
}
