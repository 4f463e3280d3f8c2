-- DropForeignKey
ALTER TABLE "question_versions" DROP CONSTRAINT "question_versions_authorId_fkey";

-- AlterTable
ALTER TABLE "question_versions" ALTER COLUMN "authorId" DROP NOT NULL;

-- AddForeignKey
ALTER TABLE "question_versions" ADD CONSTRAINT "question_versions_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- ---------------------------------------------------------------------------------------------
-- Written by hand: deleting an account (lib/server/account/delete-account.ts) erases the
-- learner's own reviews and amendments. The history stays append-only for everything else: a
-- DELETE passes only for a row of the user named by the transaction-local setting
-- "stride.erasing_user", which that transaction sets (set_config(..., true)) after locking the
-- user's row; UPDATE is refused as before, and so is any other DELETE.
CREATE OR REPLACE FUNCTION "reviews_refuse_change"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' AND OLD."userId" = current_setting('stride.erasing_user', true) THEN
        RETURN OLD;
    END IF;
    RAISE EXCEPTION 'reviews are append-only: % is not allowed', TG_OP
        USING ERRCODE = 'restrict_violation';
END;
$$;
