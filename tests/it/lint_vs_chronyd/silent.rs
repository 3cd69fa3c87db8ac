//! Settings every release takes without a word that do not do what they
//! say, shown live as lint says them.
