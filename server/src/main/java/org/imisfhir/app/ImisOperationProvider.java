package org.imisfhir.app;

/**
 * Marker for plain (non resource-provider) HAPI operation providers of the business areas. Every Spring
 * bean implementing it is registered on the FHIR endpoint.
 */
public interface ImisOperationProvider {}
