//! Browser entry point: everything else lives in the library (`app::start`).

fn main() {
    web_cabinet::app::start();
}
