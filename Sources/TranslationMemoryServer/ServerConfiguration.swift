import Foundation
import Hummingbird
import PostgresNIO
import Crypto
import TranslationMemory
