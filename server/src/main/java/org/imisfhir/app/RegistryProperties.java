package org.imisfhir.app;

/**
 * Limits of the administration registers under {@code imis.registry.*} (openIMIS column sizes by default), bound
 * as part of {@link ImisProperties}.
 */
public class RegistryProperties {

	/** Longest code of a medical service or item (openIMIS: 6; longer for e.g. transport tariffs). */
	private int catalogueCodeMaxLength = 6;
	/** ISO 4217 currency of the scheme's prices (services, items, price lists) when an import gives none. */
	private String currency = "XAF";
	private int locationCodeMaxLength = 8;
	private int facilityCodeMaxLength = 8;
	private int payerCodeMaxLength = 8;
	private int officerCodeMaxLength = 8;
	/** Rows of a catalogue import written together in one database transaction. */
	private int importChunkSize = 100;
	/**
	 * Chunks of one catalogue import written at the same time (threads), when no code repeats in the file;
	 * 1 writes them one after the other.
	 */
	private int importThreads = 2;
	/**
	 * Validate every imported CSV row against the profiles; false validates the first row of each shape only
	 * (decision 0034).
	 */
	private boolean importValidateEveryRow = false;

	public boolean isImportValidateEveryRow() {
		return importValidateEveryRow;
	}

	public void setImportValidateEveryRow(boolean importValidateEveryRow) {
		this.importValidateEveryRow = importValidateEveryRow;
	}

	public int getImportThreads() {
		return importThreads;
	}

	public void setImportThreads(int importThreads) {
		this.importThreads = importThreads;
	}

	public int getImportChunkSize() {
		return importChunkSize;
	}

	public void setImportChunkSize(int importChunkSize) {
		this.importChunkSize = importChunkSize;
	}

	public String getCurrency() {
		return currency;
	}

	public void setCurrency(String currency) {
		this.currency = currency;
	}

	public int getCatalogueCodeMaxLength() {
		return catalogueCodeMaxLength;
	}

	public void setCatalogueCodeMaxLength(int catalogueCodeMaxLength) {
		this.catalogueCodeMaxLength = catalogueCodeMaxLength;
	}

	public int getLocationCodeMaxLength() {
		return locationCodeMaxLength;
	}

	public void setLocationCodeMaxLength(int locationCodeMaxLength) {
		this.locationCodeMaxLength = locationCodeMaxLength;
	}

	public int getFacilityCodeMaxLength() {
		return facilityCodeMaxLength;
	}

	public void setFacilityCodeMaxLength(int facilityCodeMaxLength) {
		this.facilityCodeMaxLength = facilityCodeMaxLength;
	}

	public int getPayerCodeMaxLength() {
		return payerCodeMaxLength;
	}

	public void setPayerCodeMaxLength(int payerCodeMaxLength) {
		this.payerCodeMaxLength = payerCodeMaxLength;
	}

	public int getOfficerCodeMaxLength() {
		return officerCodeMaxLength;
	}

	public void setOfficerCodeMaxLength(int officerCodeMaxLength) {
		this.officerCodeMaxLength = officerCodeMaxLength;
	}
}
