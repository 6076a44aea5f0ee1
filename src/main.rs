fn main() {
    std::process::exit(sqlforge::cli::main());
}
