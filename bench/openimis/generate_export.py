"""Writes a synthetic openIMIS export (CSV extracts with the openIMIS column names) for the migration benchmark.

python3 bench/openimis/generate_export.py <families> <directory>

The registers of the crafted test export (server/src/test/resources/migration) with the tag G, then per family:
a head and a child, one active policy, one premium paying it, and one valuated claim with a service and an item.
Rows per family: 1 + 2 + 1 + 1 + 1 + 1 + 1 = 8.
"""
import csv
import os
import shutil
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
CRAFTED = os.path.join(HERE, '..', '..', 'server', 'src', 'test', 'resources', 'migration')
REGISTERS = ['tblLocations', 'tblHF', 'tblItems', 'tblServices', 'tblPLServices', 'tblPLServicesDetail', 'tblPLItems',
             'tblPLItemsDetail', 'tblProduct', 'tblProductServices', 'tblProductItems', 'tblICDCodes']


def write(directory, table, header, rows):
    with open(os.path.join(directory, table + '.csv'), 'w', newline='') as f:
        out = csv.writer(f)
        out.writerow(header)
        out.writerows(rows)


def main(families, directory):
    os.makedirs(directory, exist_ok=True)
    for table in REGISTERS:
        with open(os.path.join(CRAFTED, table + '.csv')) as f:
            text = f.read().replace('{U}', 'G')
        with open(os.path.join(directory, table + '.csv'), 'w') as f:
            f.write(text)
    fam, ins, pol, pre, clm, svc, itm = [], [], [], [], [], [], []
    for n in range(1, families + 1):
        head, child = 2 * n - 1, 2 * n
        fam.append([n, head, 4 if n % 2 else 5, 0, 'H', 'NULL', '2019-01-01', 'NULL', 'NULL'])
        ins.append([head, n, f'G{head:08d}', 'Family', f'Head{n}', '1980-01-01', 'F', 'M', 1, 'NULL', 'NULL', 'NULL', '2019-01-01', 'NULL', 'NULL'])
        ins.append([child, n, f'G{child:08d}', 'Family', f'Child{n}', '2015-01-01', 'M', 'S', 0, 'NULL', 'NULL', 4, '2019-01-01', 'NULL', 'NULL'])
        pol.append([n, n, '2024-01-10', '2024-01-10', '2024-01-12', '2025-01-09', 2, '10000.00', 1, 'NULL', 'N', '2024-01-10', 'NULL', 'NULL'])
        pre.append([n, n, 'NULL', '10000.00', f'R-{n}', '2024-01-12', 'C', 0, '2024-01-12', 'NULL', 'NULL'])
        clm.append([n, head, f'GC{n}', '2024-03-01', '2024-03-01', 1, 16, '3500.00', '3300.00', '3300.00', '2024-03-02', '2024-03-20', 1, 0, 'C', 'O', 1, 1, '2024-03-02', 'NULL', 'NULL'])
        svc.append([n, n, 1, 1, 'NULL', 2000, 'NULL', 1800, 1800, 1, 0, n, '2024-03-02', 'NULL', 'NULL'])
        itm.append([n, n, 1, 10, 'NULL', 150, 'NULL', 150, 1500, 1, 0, n, '2024-03-02', 'NULL', 'NULL'])
    write(directory, 'tblFamilies', ['FamilyID', 'InsureeID', 'LocationId', 'Poverty', 'FamilyType', 'FamilyAddress', 'ValidityFrom', 'ValidityTo', 'LegacyID'], fam)
    write(directory, 'tblInsuree', ['InsureeID', 'FamilyID', 'CHFID', 'LastName', 'OtherNames', 'DOB', 'Gender', 'Marital', 'IsHead', 'Phone', 'Email', 'Relationship', 'ValidityFrom', 'ValidityTo', 'LegacyID'], ins)
    write(directory, 'tblPolicy', ['PolicyID', 'FamilyID', 'EnrollDate', 'StartDate', 'EffectiveDate', 'ExpiryDate', 'PolicyStatus', 'PolicyValue', 'ProdID', 'OfficerID', 'PolicyStage', 'ValidityFrom', 'ValidityTo', 'LegacyID'], pol)
    write(directory, 'tblPremium', ['PremiumId', 'PolicyID', 'PayerID', 'Amount', 'Receipt', 'PayDate', 'PayType', 'isPhotoFee', 'ValidityFrom', 'ValidityTo', 'LegacyID'], pre)
    write(directory, 'tblClaim', ['ClaimID', 'InsureeID', 'ClaimCode', 'DateFrom', 'DateTo', 'ICDID', 'ClaimStatus', 'Claimed', 'Approved', 'Valuated', 'DateClaimed', 'DateProcessed', 'HFID', 'RejectionReason', 'ClaimCategory', 'VisitType', 'ReviewStatus', 'FeedbackStatus', 'ValidityFrom', 'ValidityTo', 'LegacyID'], clm)
    write(directory, 'tblClaimServices', ['ClaimServiceID', 'ClaimID', 'ServiceID', 'QtyProvided', 'QtyApproved', 'PriceAsked', 'PriceAdjusted', 'PriceApproved', 'PriceValuated', 'ClaimServiceStatus', 'RejectionReason', 'PolicyID', 'ValidityFrom', 'ValidityTo', 'LegacyID'], svc)
    write(directory, 'tblClaimItems', ['ClaimItemID', 'ClaimID', 'ItemID', 'QtyProvided', 'QtyApproved', 'PriceAsked', 'PriceAdjusted', 'PriceApproved', 'PriceValuated', 'ClaimItemStatus', 'RejectionReason', 'PolicyID', 'ValidityFrom', 'ValidityTo', 'LegacyID'], itm)


if __name__ == '__main__':
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(int(sys.argv[1]), sys.argv[2])
