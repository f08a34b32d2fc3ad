//! Every file the tool writes (plans, imported rules and rosters, pulled
//! answers, the groupid written back after an add, the emulator's state)
//! appears whole or not at all: an interrupted run never leaves half a file.
//! atomic-write-file writes a temporary file beside it, syncs it to disk and
//! renames it over the target, then syncs the folder, so that a crash just
//! after the run does not lose the new file either.

use std::io::Write;
use std::path::Path;

use atomic_write_file::AtomicWriteFile;

/// Replaces `path` with `contents`, whole or not at all.
pub fn write(path: &Path, contents: impl AsRef<[u8]>) -> std::io::Result<()> {
    let mut file = AtomicWriteFile::open(path)?;
    file.write_all(contents.as_ref())?;
    file.commit()
}

#[cfg(test)]
mod tests {
    #[test]
    fn replaces_the_file_whole() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("plan.json");
        std::fs::write(&path, "old").unwrap();
        super::write(&path, "new").unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "new");
        // Nothing is left beside it.
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
        // A folder that does not exist is an error, not a panic.
        assert!(super::write(&dir.path().join("no/such/file"), "x").is_err());
    }
}
