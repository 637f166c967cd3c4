// The address book's rules: at most MAX_SAVED_ADDRESSES per user, exactly one default while any
// address exists (the first saved becomes it; deleting it promotes the newest), and nobody touches
// another user's addresses (NOT_FOUND, ids reveal nothing). An address already in the book is
// never saved twice.
import { DomainError } from '../../../shared/errors';
import {
  type CreateAddressInput,
  MAX_SAVED_ADDRESSES,
  type SavedAddressDto,
  type UpdateAddressInput,
} from '../../../shared/schemas/addresses';
import { inTransaction } from '../../db/transaction';
import type { AppDeps } from '../../deps';
import {
  clearDefault,
  deleteAddress,
  findSameAddress,
  insertAddress,
  listAddresses,
  lockAddressBook,
  markDefault,
  promoteNewest,
  updateAddress,
} from './addresses.repository';

const notFound = () => new DomainError('NOT_FOUND', 'Address not found.');

export async function myAddresses(deps: AppDeps, userId: number): Promise<SavedAddressDto[]> {
  const rows = await listAddresses(deps.db, userId);
  return rows.map((r) => ({ id: r.id, address: r.address, isDefault: r.is_default }));
}

export async function saveAddress(
  deps: AppDeps,
  userId: number,
  input: CreateAddressInput,
): Promise<SavedAddressDto[]> {
  await inTransaction(deps.db, async (tx) => {
    const count = await lockAddressBook(tx, userId);
    // Saving an address the book already holds (an Undo or Save pressed twice, two tabs) adds no
    // copy; it only makes that address the default if asked.
    const same = await findSameAddress(tx, userId, input.address);
    if (same) {
      if (input.makeDefault && !same.is_default) {
        await clearDefault(tx, userId);
        await markDefault(tx, userId, same.id);
      }
      return;
    }
    if (count >= MAX_SAVED_ADDRESSES)
      throw new DomainError(
        'BAD_REQUEST',
        `You can save up to ${MAX_SAVED_ADDRESSES} addresses. Delete one you no longer use first.`,
      );
    await insertAddress(tx, userId, input.address, count === 0 || !!input.makeDefault);
  });
  return myAddresses(deps, userId);
}

export async function editAddress(
  deps: AppDeps,
  userId: number,
  input: UpdateAddressInput,
): Promise<SavedAddressDto[]> {
  if (!(await updateAddress(deps.db, userId, input.addressId, input.address))) throw notFound();
  return myAddresses(deps, userId);
}

export async function removeAddress(deps: AppDeps, userId: number, addressId: number): Promise<SavedAddressDto[]> {
  await inTransaction(deps.db, async (tx) => {
    await lockAddressBook(tx, userId);
    const gone = await deleteAddress(tx, userId, addressId);
    if (!gone) throw notFound();
    if (gone.is_default) await promoteNewest(tx, userId);
  });
  return myAddresses(deps, userId);
}

export async function makeDefaultAddress(deps: AppDeps, userId: number, addressId: number): Promise<SavedAddressDto[]> {
  await inTransaction(deps.db, async (tx) => {
    await lockAddressBook(tx, userId);
    await clearDefault(tx, userId);
    if (!(await markDefault(tx, userId, addressId))) throw notFound();
  });
  return myAddresses(deps, userId);
}
