"""Writes the MPI linkage SearchParameter and OperationDefinitions (profiles/base/*.json).

python3 profiles/generate_mpi_profiles.py
"""
import json
import os

from generate_registry_profiles import OUT
from generate_claim_profiles import operation


def phonetic_search_parameter():
    sp = {'resourceType': 'SearchParameter', 'id': 'patient-name-phonetic',
          'extension': [{'url': 'http://hapifhir.io/fhir/StructureDefinition/searchparameter-phonetic-encoder',
                         'valueString': 'DOUBLE_METAPHONE'}],
          'url': 'https://imis-fhir.org/fhir/SearchParameter/patient-name-phonetic', 'version': '0.1.0',
          'name': 'PatientNamePhonetic', 'status': 'active', 'publisher': 'IMIS-FHIR',
          'description': 'Family and given names of an insuree by their sound (Double Metaphone): Patient/$match '
                         'finds candidates with it.',
          'code': 'name-phonetic', 'base': ['Patient'], 'type': 'string',
          'expression': 'Patient.name.family | Patient.name.given'}
    with open(os.path.join(OUT, 'SearchParameter-patient-name-phonetic.json'), 'w') as f:
        json.dump(sp, f, indent=2, ensure_ascii=False)
        f.write('\n')


def main():
    phonetic_search_parameter()
    operation('Patient-match', 'match', 'Patient',
              'FHIR R4 Patient/$match: the insurees that may be the person described, best first, each with '
              'Bundle.entry.search.score (0-1) and the match-grade extension (certain, probable, possible, '
              'certainly-not). Scoring: any shared identifier system|value is near-certain (0.95 + 0.05 x the rest); '
              'family name 0.25 (similar 0.18), given names 0.20 (similar 0.14), birth date 0.25 (day and month '
              'swapped 0.18, same year 0.10), gender 0.10 (different -0.10), village 0.20; a different value of the '
              'national MPI number or of the insurance number halves the score and grades certainly-not. Names are '
              'compared without case or accents, tolerating one or two letters and names that sound alike. Candidates '
              'come from indexed searches only (identifier, birth date, name sound).', True, False,
              [('resource', 'in', 1, '1', 'The person to look for.', 'Patient'),
               ('onlyCertainMatches', 'in', 0, '1', 'Only candidates graded certain.', 'boolean'),
               ('count', 'in', 0, '1', 'Most candidates to return (default 10, at most 50).', 'integer'),
               ('return', 'out', 1, '1', 'A searchset Bundle of the candidates, best first.', 'Bundle')])
    operation('Patient-ihe-pix', 'ihe-pix', 'Patient',
              'IHE PIXm-style identifier cross-reference: the other identifiers of the insuree holding '
              'sourceIdentifier, and the insuree itself. A record merged into another answers for the survivor. '
              '404 when no insuree has the identifier.', True, False,
              [('sourceIdentifier', 'in', 1, '1', 'The known identifier, as system|value.', 'string'),
               ('targetSystem', 'in', 0, '*', 'Only identifiers of these systems.', 'string'),
               ('targetIdentifier', 'out', 0, '*', 'Another identifier of the insuree.', 'Identifier'),
               ('targetId', 'out', 0, '*', 'The insuree (Patient).', 'Reference')], affects_state=False)
    operation('Patient-link-identifier', 'link-identifier', 'Patient',
              'Links a national MPI number or an EMR number to the insuree (type v2-0203#NI for the national MPI '
              'system, #MR otherwise), with a reason kept in the AuditEvent. Refused when the number is malformed, '
              'of a system the scheme assigns itself, or already belongs to another insuree (409); an insuree has one '
              'national MPI number. Linking a number the insuree already has changes nothing.', False, True,
              [('system', 'in', 1, '1', 'The identifier system (absolute URI).', 'uri'),
               ('value', 'in', 1, '1', 'The number.', 'string'),
               ('reason', 'in', 1, '1', 'Why (kept in the AuditEvent).', 'string'),
               ('return', 'out', 1, '1', 'The insuree.', 'Patient')])
    operation('Patient-unlink-identifier', 'unlink-identifier', 'Patient',
              'Removes a linked MPI or EMR number from the insuree, with a reason kept in the AuditEvent. The '
              'insurance number is never unlinked.', False, True,
              [('system', 'in', 1, '1', 'The identifier system.', 'uri'),
               ('value', 'in', 1, '1', 'The number.', 'string'),
               ('reason', 'in', 1, '1', 'Why (kept in the AuditEvent).', 'string'),
               ('return', 'out', 1, '1', 'The insuree.', 'Patient')])
    operation('Patient-merge-insuree', 'merge-insuree', 'Patient',
              'Merges two insurees found to be one person, in one transaction: the target survives and takes the '
              'source\'s numbers (the insurance number with use old, others secondary), policies (Coverage '
              'beneficiary, policy holder, payor), claims and claim responses, and its place in its family (the head '
              'role within one family; the whole membership when the survivor has no family); the source becomes '
              'inactive with Patient.link replaced-by the survivor, which gets replaces. Refused when the source is '
              'the head of another family (it would be left without a head), when either was already merged, or '
              'when they are the same. preview=true answers what would change and writes nothing. Named apart '
              'from HAPI\'s generic Patient/$merge (decision 0022).', True, False,
              [('source-patient', 'in', 1, '1', 'The insuree to retire.', 'Reference'),
               ('target-patient', 'in', 1, '1', 'The insuree that survives.', 'Reference'),
               ('preview', 'in', 0, '1', 'Only show what would change.', 'boolean'),
               ('reason', 'in', 0, '1', 'Why (kept in the AuditEvent).', 'string'),
               ('outcome', 'out', 1, '1', 'What was done.', 'OperationOutcome'),
               ('preview', 'out', 1, '1', 'Whether this was a preview.', 'boolean'),
               ('result', 'out', 1, '1', 'The survivor as stored (or as it would be).', 'Patient'),
               ('retired', 'out', 1, '1', 'The retired record as stored (or as it would be).', 'Patient'),
               ('changes', 'out', 1, '1', 'The transaction (preview) or its response.', 'Bundle'),
               ('moved', 'out', 0, '*', 'A reference moved to the survivor: resource and element.', None)])


if __name__ == '__main__':
    main()
