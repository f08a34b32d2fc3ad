//! One integration-test binary; each module covers one capability.

mod it;
