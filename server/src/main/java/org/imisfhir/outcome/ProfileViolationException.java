package org.imisfhir.outcome;

import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import org.hl7.fhir.instance.model.api.IBaseOperationOutcome;

/** A write refused because the resource does not conform to its declared or required profiles. */
public class ProfileViolationException extends UnprocessableEntityException {

	public ProfileViolationException(String message, IBaseOperationOutcome validationOutcome) {
		super(message, validationOutcome);
	}
}
