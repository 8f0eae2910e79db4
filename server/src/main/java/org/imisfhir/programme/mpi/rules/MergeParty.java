package org.imisfhir.programme.mpi.rules;

/**
 * One of the two insurees of a merge, as the merge rules see it.
 *
 * @param id       the Patient id
 * @param family   the id of the family (Group) the insuree belongs to, or null
 * @param head     whether the insuree is the head of that family
 * @param retired  whether the record was already replaced by another (Patient.link replaced-by)
 */
public record MergeParty(String id, String family, boolean head, boolean retired) {}
