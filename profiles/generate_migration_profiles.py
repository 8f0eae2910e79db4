"""Writes the openIMIS migration's OperationDefinition (profiles/base), its refusal CodeSystem and ValueSet and
the ConceptMaps of the openIMIS code sets it translates (terminology/imis).

python3 profiles/generate_migration_profiles.py
"""
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))
PROFILES = os.path.join(HERE, 'base')
TERMINOLOGY = os.path.join(HERE, '..', 'terminology', 'imis')
IMIS = 'https://imis-fhir.org/fhir/'
IG = 'https://openimis.github.io/openimis_fhir_r4_ig/'
DB = IMIS + 'openimis-db/'

ERRORS = [
    ('export-format', 'Unreadable export', 'Export illisible'),
    ('no-table', 'No table given', 'Aucune table reçue'),
    ('directory-not-allowed', 'Directory not allowed', 'Répertoire non autorisé'),
    ('database-name', 'Invalid database name', 'Nom de base invalide'),
    ('value-invalid', 'Invalid value', 'Valeur invalide'),
    ('value-missing', 'Missing value', 'Valeur manquante'),
    ('duplicate-id', 'Id used twice', 'Identifiant en double'),
    ('reference-unknown', 'Reference to a row not loaded', 'Référence à une ligne non chargée'),
    ('record-refused', 'Record refused by the server', 'Enregistrement refusé par le serveur'),
    ('with-record', 'Refused with its record', 'Refusée avec son enregistrement'),
]

# id, title, description, source (openIMIS column), target system, [(source code, source display, target code, equivalence)]
CONCEPT_MAPS = [
    ('openimis-gender', 'openIMIS gender to FHIR administrative gender',
     'tblInsuree.Gender (tblGender codes) to Patient.gender.', DB + 'tblGender',
     'http://hl7.org/fhir/administrative-gender',
     [('M', 'Male', 'male', 'equal'), ('F', 'Female', 'female', 'equal'), ('O', 'Other', 'other', 'equal')]),
    ('openimis-policy-status', 'openIMIS policy status to Coverage.status',
     'tblPolicy.PolicyStatus to Coverage.status; the exact status is also kept as coverage-policy-status '
     '(code system policy-status, same codes).', DB + 'tblPolicy.PolicyStatus',
     'http://hl7.org/fhir/fm-status',
     [('1', 'Idle', 'draft', 'wider'), ('2', 'Active', 'active', 'equal'), ('4', 'Suspended', 'cancelled', 'wider'),
      ('8', 'Expired', 'active', 'wider'), ('16', 'Ready', 'draft', 'wider')]),
    ('openimis-claim-status', 'openIMIS claim status to ClaimResponse.outcome',
     'tblClaim.ClaimStatus to ClaimResponse.outcome; the exact status is kept in the claim-workflow extension '
     '(IG code system claim-status, same codes).', DB + 'tblClaim.ClaimStatus',
     'http://hl7.org/fhir/remittance-outcome',
     [('1', 'Rejected', 'complete', 'wider'), ('2', 'Entered', 'queued', 'wider'), ('4', 'Checked', 'partial', 'wider'),
      ('8', 'Processed', 'partial', 'wider'), ('16', 'Valuated', 'complete', 'wider')]),
    ('openimis-claim-visit-type', 'openIMIS visit type to the IG claim visit type',
     'tblClaim.VisitType to Claim.type (IG code system claim-visit-type, same codes; the target display is used).',
     DB + 'tblClaim.VisitType', IG + 'CodeSystem/claim-visit-type',
     [('E', 'Emergency', 'Emergency', 'equal'), ('R', 'Referral', 'Referral', 'equal'), ('O', 'Other', 'Other', 'equal')]),
]


def dump(folder, name, resource):
    with open(os.path.join(folder, name), 'w') as f:
        json.dump(resource, f, indent=2, ensure_ascii=False)
        f.write('\n')


def errors():
    cs = {'resourceType': 'CodeSystem', 'id': 'imis-migration-error', 'url': IMIS + 'CodeSystem/imis-migration-error',
          'version': '0.1.0', 'name': 'ImisMigrationError', 'title': 'openIMIS migration refusal reasons',
          'status': 'active', 'experimental': False, 'publisher': 'IMIS-FHIR',
          'description': 'Precise reasons the openIMIS migration refuses an export or one of its rows.',
          'caseSensitive': True, 'valueSet': IMIS + 'ValueSet/imis-migration-error', 'content': 'complete',
          'count': len(ERRORS),
          'concept': [{'code': c, 'display': en, 'designation': [{'language': 'fr', 'value': fr}]} for c, en, fr in ERRORS]}
    dump(TERMINOLOGY, 'CodeSystem-imis-migration-error.json', cs)
    vs = {'resourceType': 'ValueSet', 'id': 'imis-migration-error', 'url': IMIS + 'ValueSet/imis-migration-error',
          'version': '0.1.0', 'name': 'ImisMigrationError', 'title': 'openIMIS migration refusal reasons',
          'status': 'active', 'publisher': 'IMIS-FHIR', 'description': 'All codes of openIMIS migration refusal reasons.',
          'compose': {'include': [{'system': IMIS + 'CodeSystem/imis-migration-error'}]}}
    dump(TERMINOLOGY, 'ValueSet-imis-migration-error.json', vs)


def concept_maps():
    for map_id, title, description, source, target, codes in CONCEPT_MAPS:
        cm = {'resourceType': 'ConceptMap', 'id': map_id, 'url': IMIS + 'ConceptMap/' + map_id, 'version': '0.1.0',
              'name': ''.join(w.capitalize() for w in map_id.split('-')), 'title': title, 'status': 'active',
              'publisher': 'IMIS-FHIR', 'description': description + ' Used by the openIMIS migration ($import-openimis).',
              'group': [{'source': source, 'target': target,
                         'element': [{'code': code, 'display': display,
                                      'target': [{'code': to, 'equivalence': equivalence}]}
                                     for code, display, to, equivalence in codes]}]}
        dump(TERMINOLOGY, f'ConceptMap-{map_id}.json', cm)


def operation():
    tables = ('tblLocations, tblHF, tblItems, tblServices, tblPLServices, tblPLServicesDetail, tblPLItems, '
              'tblPLItemsDetail, tblProduct, tblProductServices, tblProductItems, tblFamilies, tblInsuree, tblPolicy, '
              'tblPremium, tblICDCodes, tblClaim, tblClaimServices, tblClaimItems')
    od = {'resourceType': 'OperationDefinition', 'id': 'import-openimis',
          'url': IMIS + 'OperationDefinition/import-openimis', 'version': '0.1.0', 'name': 'ImportOpenimis',
          'title': 'Import an openIMIS database export', 'status': 'active', 'kind': 'operation',
          'publisher': 'IMIS-FHIR',
          'description': 'Loads the CSV extracts of an openIMIS database (' + tables + ', with their openIMIS column '
                         'names; column mapping in mappings/openimis-database.md) as our resources, in dependency '
                         'order. Only current rows (ValidityTo empty) are loaded. Each row keeps its legacy id as an '
                         'identifier and gets an id derived from it, so importing the same export again changes '
                         'nothing (unchanged). A family with its insurees, a claim with its lines and response, a '
                         'price list or product with its details is loaded whole or refused whole; refused rows do '
                         'not stop the others. Claims keep their historical status and amounts. Answers a report '
                         'per table and a reconciliation of counts and money totals, export against store.',
          'affectsState': True, 'code': 'import-openimis', 'system': True, 'type': False, 'instance': False,
          'parameter': [
              {'name': 'table', 'use': 'in', 'min': 0, 'max': '*', 'type': 'Attachment',
               'documentation': 'One CSV extract: title = the openIMIS table name (tblInsuree), data = the CSV '
                                '(UTF-8, comma or semicolon separated, header row with the openIMIS column names).'},
              {'name': 'directory', 'use': 'in', 'min': 0, 'max': '1', 'type': 'string',
               'documentation': 'Instead of (or besides) tables: a server-side directory of <table>.csv files, '
                                'only under the directory of the setting imis.migration.allowed-directory.'},
              {'name': 'database', 'use': 'in', 'min': 0, 'max': '1', 'type': 'string',
               'documentation': 'Name of the legacy database (default: setting imis.migration.database), part of '
                                'the ids and legacy identifiers, so several databases can be loaded side by side.'},
              {'name': 'report', 'use': 'in', 'min': 0, 'max': '1', 'type': 'code',
               'documentation': 'all (default) or refused: with refused, only the figures that differ are listed.'},
              {'name': 'database', 'use': 'out', 'min': 1, 'max': '1', 'type': 'string'},
              {'name': 'rows', 'use': 'out', 'min': 1, 'max': '1', 'type': 'integer',
               'documentation': 'Data rows read, all tables.'},
              {'name': 'milliseconds', 'use': 'out', 'min': 1, 'max': '1', 'type': 'integer'},
              {'name': 'reconciled', 'use': 'out', 'min': 1, 'max': '1', 'type': 'boolean',
               'documentation': 'True when every reconciliation figure is equal.'},
              {'name': 'table', 'use': 'out', 'min': 0, 'max': '*',
               'documentation': 'One per table read: name, read, history (earlier versions left out), created, '
                                'updated, unchanged, refused and one refusedRow (line, id, code, reason) per refused row.',
               'part': [{'name': n, 'use': 'out', 'min': 1, 'max': '1', 'type': t} for n, t in
                        [('name', 'string'), ('read', 'integer'), ('history', 'integer'), ('created', 'integer'),
                         ('updated', 'integer'), ('unchanged', 'integer'), ('refused', 'integer')]]
                       + [{'name': 'refusedRow', 'use': 'out', 'min': 0, 'max': '*',
                           'part': [{'name': n, 'use': 'out', 'min': 1, 'max': '1', 'type': t} for n, t in
                                    [('line', 'integer'), ('id', 'string'), ('code', 'code'), ('reason', 'string')]]}]},
              {'name': 'reconciliation', 'use': 'out', 'min': 0, 'max': '*',
               'documentation': 'One per table and measure (rows, LumpSum, PolicyValue, Amount, Claimed, Approved): '
                                'the figure in the export and as stored, and equal or different.',
               'part': [{'name': n, 'use': 'out', 'min': 1, 'max': '1', 'type': t} for n, t in
                        [('table', 'string'), ('measure', 'string'), ('source', 'decimal'), ('loaded', 'decimal'),
                         ('result', 'code')]]},
          ]}
    dump(PROFILES, 'OperationDefinition-import-openimis.json', od)


def main():
    errors()
    concept_maps()
    operation()


if __name__ == '__main__':
    main()
